using Accounts.Core.Global;

namespace Accounts.Functions.Zoqq;

public static class ZoqqRegistration
{
    public static WebApplicationBuilder AddZoqq(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GlobalProduct>();
        builder.Services.AddSingleton<WalletService>();
        return builder;
    }
}
