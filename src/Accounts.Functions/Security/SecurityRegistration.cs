using System.Text;
using Accounts.Core.Security;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Security;

public static class SecurityRegistration
{
    /// <summary>Registers the keyed hash and the secret box from <see cref="SecurityOptions"/>, validated at start.</summary>
    public static IServiceCollection AddServerSecrets(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.Section)
            .Validate(o => SecurityOptions.IsPepperValid(o.Pepper),
                $"Security:Pepper must be set to a random value of at least {KeyedHash.MinPepperBytes} bytes")
            .Validate(o => SecurityOptions.IsEncryptionKeyValid(o.EncryptionKey),
                $"Security:EncryptionKey must be set to the base64 of {SecretBox.KeyBytes} random bytes")
            .ValidateOnStart();
        services.AddSingleton(sp => new KeyedHash(Encoding.UTF8.GetBytes(Options(sp).Pepper!)));
        services.AddSingleton(sp => new SecretBox(SecurityOptions.DecodeKey(Options(sp).EncryptionKey)!));
        return services;
    }

    private static SecurityOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SecurityOptions>>().Value;
}
