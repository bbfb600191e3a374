using System.Text;
using Accounts.Core.Security;

namespace Accounts.Core.Tests.Fakes;

/// <summary>A fixed pepper and encryption key, as configuration would supply them.</summary>
internal static class TestKeys
{
    public static readonly KeyedHash Hash = new(Encoding.UTF8.GetBytes("unit-test-pepper-0123456789-0123456789"));

    public static readonly SecretBox Box = new(Encoding.UTF8.GetBytes("unit-test-encryption-key-32bytes"));
}
