using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Kyc;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Vertex;

public static class VertexRegistration
{
    public static WebApplicationBuilder AddVertex(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VertexOptions>().BindConfiguration(VertexOptions.Section)
            .Validate(o => o.ToSettings() is not null).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VertexOptions>>().Value.ToSettings());
        services.AddSingleton<EntityProduct>();
        services.AddSingleton<EntityService>();
        services.AddSingleton<EntityTransactionService>();
        return builder;
    }
}
