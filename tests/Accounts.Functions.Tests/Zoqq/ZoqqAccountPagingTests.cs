using System.Text.Json;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Zoqq.ZoqqAuthTests;

namespace Accounts.Functions.Tests.Zoqq;

/// <summary>The account list a page at a time: page and size, as Zoqq's transaction lists take them.</summary>
[Collection(AppCollection.Name)]
public class ZoqqAccountPagingTests(AppFixture app)
{
    private const string Path = "/zoqq/api/v1/account";

    [Fact]
    public async Task Page_and_size_walk_the_users_accounts_oldest_first_and_filters_fill_each_page()
    {
        var session = await ZoqqSession.StartAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await session.OpenAsync()).GetProperty("id").GetString()!);
        }

        await session.SendAsync(HttpMethod.Delete, Path, accountId: ids[1]);

        Assert.Equal(ids.Take(2), await Ids(session, "?page=1&size=2"));
        Assert.Equal(ids.Skip(2).Take(2), await Ids(session, "?page=2&size=2"));
        Assert.Equal(ids.Skip(4), await Ids(session, "?page=3&size=2"));
        Assert.Empty(await Ids(session, "?page=4&size=2"));
        Assert.Equal(ids, await Ids(session, string.Empty));

        // ACTIVE skips the closed account and reads on, so every page but the last is full.
        var active = ids.Where((_, i) => i != 1).ToList();
        Assert.Equal(active.Take(2), await Ids(session, "?status=ACTIVE&page=1&size=2"));
        Assert.Equal(active.Skip(2).Take(2), await Ids(session, "?status=ACTIVE&page=2&size=2"));
        Assert.Equal([ids[1]], await Ids(session, "?status=CLOSED&size=1"));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?size=0", "size")]
    [InlineData("?size=101", "size")]
    public async Task A_bad_page_or_size_is_400_naming_it(string query, string field)
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Get, Path + query);

        AssertError(400, status, body, field);
    }

    private static async Task<List<string>> Ids(ZoqqSession session, string query)
    {
        var (status, body) = await session.SendAsync(HttpMethod.Get, Path + query);
        Assert.True(status == 200, $"{query}: {status} {body}");
        return body.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
    }
}
