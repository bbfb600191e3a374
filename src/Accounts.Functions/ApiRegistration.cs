namespace Accounts.Functions;

/// <summary>Registers and maps the application services and every dialect's endpoints.</summary>
public static class ApiRegistration
{
    public static WebApplicationBuilder AddAccountsApi(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        return app;
    }
}
