using Accounts.Core.NubanAccounts;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Nuban;

public static class NubanRegistration
{
    /// <summary>Environment in which the expiry timer never runs by itself: tests call the expirer directly.</summary>
    public const string TestingEnvironment = "Testing";

    public static WebApplicationBuilder AddNuban(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var institution = builder.Configuration["Nuban:InstitutionCode"];
        services.AddSingleton(new NubanSettings(string.IsNullOrWhiteSpace(institution) ? NubanSettings.DefaultInstitutionCode : institution));
        services.AddSingleton<NubanClaims>();
        services.AddSingleton<NubanProduct>();
        services.AddSingleton<NubanAccountDirectory>();
        services.AddSingleton<DynamicAccountExpirer>();
        if (!builder.Environment.IsEnvironment(TestingEnvironment) && !ListenAddress.IsUnderFunctionsHost(builder.Configuration))
        {
            services.AddHostedService<NubanExpiryService>();
        }

        return builder;
    }
}
