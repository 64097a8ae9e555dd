using Sitrep.Web;

namespace Sitrep.Web.Tests.Api;

/// <summary>Which Host names the server answers by default, from the addresses it listens on.</summary>
public sealed class HostAllowListTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "localhost;127.0.0.1;[::1]")]
    [InlineData("http://localhost:5080", "localhost;127.0.0.1;[::1]")]
    [InlineData("http://[::1]:0", "localhost;127.0.0.1;[::1]")]
    [InlineData("http://192.168.1.20:80;http://sitrep.lan:8080", "192.168.1.20;sitrep.lan")]
    // Listening on every interface is a choice to serve any name.
    [InlineData("http://0.0.0.0:5080", "*")]
    [InlineData("http://*:5080", "*")]
    [InlineData("http://+:5080", "*")]
    [InlineData("http://[::]:5080", "*")]
    public void The_default_allow_list_is_the_listening_hosts(string urls, string expected)
    {
        Assert.Equal(expected.Split(';'), HostAllowList.FromUrls(urls));
    }
}
