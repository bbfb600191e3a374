using Accounts.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public sealed class AppFixtureTests(AppFixture app)
{
    [Fact]
    public void The_app_uses_the_fixtures_own_Azurite_and_table_prefix()
    {
        var options = app.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value;

        Assert.Equal(app.StorageConnectionString, options.ConnectionString);
        Assert.Equal(app.TablePrefix, options.TablePrefix);
        Assert.Matches("^t[a-z]{8}$", app.TablePrefix);
    }
}
