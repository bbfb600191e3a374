using System.Net;
using Accounts.Core.Errors;
using Accounts.Core.Notifications;

namespace Accounts.Core.Tests.Notifications;

public sealed class EndpointUrlRulesTests
{
    private static readonly EndpointUrlRules Production = new(allowLocalHttp: false);
    private static readonly EndpointUrlRules Development = new(allowLocalHttp: true);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.8")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Production_never_connects_to_loopback_link_local_or_private_addresses(string address)
    {
        Assert.False(Production.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.True(Production.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://hooks.example.com/x")]
    [InlineData("http://127.0.0.1:5000/x")]
    [InlineData("https://127.0.0.1/x")]
    [InlineData("https://localhost/x")]
    [InlineData("https://[::1]/x")]
    [InlineData("https://10.0.0.1/x")]
    [InlineData("not a url")]
    public void Production_accepts_only_https_to_names_or_public_addresses(string url)
    {
        var refused = Assert.Throws<DomainException>(() => Production.Check(url));
        Assert.Equal("url", refused.Field);
    }

    [Fact]
    public void Development_allows_http_to_127_0_0_1_but_not_to_other_hosts_or_private_ranges()
    {
        Assert.Equal("http://127.0.0.1:5000/hooks", Development.Check("http://127.0.0.1:5000/hooks").AbsoluteUri);
        Assert.Equal("https://hooks.example.com/a", Production.Check("https://hooks.example.com/a").AbsoluteUri);
        Assert.Throws<DomainException>(() => Development.Check("http://hooks.example.com/x"));
        Assert.Throws<DomainException>(() => Development.Check("http://10.0.0.1/x"));
        Assert.False(Development.IsAllowed(IPAddress.Parse("192.168.0.1")));
        Assert.True(Development.IsAllowed(IPAddress.Loopback));
    }
}
