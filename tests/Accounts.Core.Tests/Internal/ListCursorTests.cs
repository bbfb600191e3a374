using Accounts.Core.Errors;
using Accounts.Core.Internal;

namespace Accounts.Core.Tests.Internal;

public class ListCursorTests
{
    [Fact]
    public void A_cursor_survives_encoding_and_is_url_safe()
    {
        var cursor = ListCursor.After(InternalTestAccounts.Pkr(id: "3f2a?+/", ticks: 42));

        var text = cursor.Encode();

        Assert.Matches("^[A-Za-z0-9_-]+$", text);
        Assert.Equal(cursor, ListCursor.Decode(text, "next"));
        Assert.Equal(ListCursor.Start, ListCursor.Decode(ListCursor.Start.Encode(), "next"));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("not a cursor")]
    [InlineData("djF8YWJjfGlk")] // "v1|abc|id": ticks are not a number
    public void Anything_else_is_refused_naming_the_parameter(string text)
    {
        var error = Assert.Throws<DomainException>(() => ListCursor.Decode(text, "next"));

        Assert.Equal(("next", ErrorKind.Validation), (error.Field, error.Kind));
    }

    [Fact]
    public void Order_is_creation_time_then_id()
    {
        var cursor = ListCursor.After(InternalTestAccounts.Pkr(id: "b", ticks: 10));

        Assert.False(cursor.Precedes(InternalTestAccounts.Pkr(id: "z", ticks: 9)));
        Assert.False(cursor.Precedes(InternalTestAccounts.Pkr(id: "a", ticks: 10)));
        Assert.False(cursor.Precedes(InternalTestAccounts.Pkr(id: "b", ticks: 10)));
        Assert.True(cursor.Precedes(InternalTestAccounts.Pkr(id: "c", ticks: 10)));
        Assert.True(cursor.Precedes(InternalTestAccounts.Pkr(id: "a", ticks: 11)));
        Assert.True(ListCursor.Start.Precedes(InternalTestAccounts.Pkr(ticks: -5)));
    }
}
