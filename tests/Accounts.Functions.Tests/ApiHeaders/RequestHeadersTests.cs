using Accounts.Core.Errors;
using Accounts.Functions.Api;
using Microsoft.AspNetCore.Http;

namespace Accounts.Functions.Tests.ApiHeaders;

/// <summary>The shared header checks, including the two dialect differences the HTTP tests do not reach.</summary>
public class RequestHeadersTests
{
    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer  abc ", "abc")]
    public void The_bearer_token_is_read_whatever_the_scheme_case(string header, string token) =>
        Assert.Equal(token, RequestHeaders.BearerToken(Request(authorization: header)));

    [Theory]
    [InlineData(null, "Authorization header with a Bearer token is required")]
    [InlineData("Basic abc", "Authorization header must be \"Bearer <access_token>\"")]
    [InlineData("Bearer ", "Authorization header must be \"Bearer <access_token>\"")]
    public void A_missing_or_foreign_authorization_is_unauthorized_naming_the_header(string? header, string message)
    {
        var error = Assert.Throws<DomainException>(() => RequestHeaders.BearerToken(Request(authorization: header)));

        Assert.Equal((ErrorKind.Unauthorized, message, "Authorization"), (error.Kind, error.Message, error.Field));
    }

    [Theory]
    [InlineData("application/json", 2)]
    [InlineData("Application/JSON; charset=utf-8", 2)]
    [InlineData(null, 0)]
    public void Json_or_no_content_type_without_a_body_passes(string? contentType, long length) =>
        RequestHeaders.EnsureJsonContent(Request(contentType, length));

    [Theory]
    [InlineData("text/plain", 0, true)]
    [InlineData("text/plain", 0, false)]
    [InlineData(null, 2, true)]
    public void Other_content_or_an_untyped_body_is_refused_naming_the_header(string? contentType, long length, bool requiredWithBody)
    {
        var error = Assert.Throws<DomainException>(() =>
            RequestHeaders.EnsureJsonContent(Request(contentType, length), "the dialect's words", requiredWithBody));

        Assert.Equal((ErrorKind.Validation, "the dialect's words", "Content-Type"), (error.Kind, error.Message, error.Field));
    }

    [Fact]
    public void An_untyped_body_passes_where_the_dialect_does_not_require_a_content_type() =>
        RequestHeaders.EnsureJsonContent(Request(null, 2), requiredWithBody: false);

    private static HttpRequest Request(string? contentType = null, long length = 0, string? authorization = null)
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = contentType;
        request.ContentLength = length;
        if (authorization is not null)
        {
            request.Headers.Authorization = authorization;
        }

        return request;
    }
}
