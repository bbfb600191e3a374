using Accounts.Core.Errors;
using Accounts.Core.Internal;

namespace Accounts.Core.Tests.Internal;

public class ListCursorTests
{
    [Fact]
    public void A_cursor_survives_encoding_and_is_url_safe()
    {
        var cursor = new ListCursor(123_456_789_012);

        var text = cursor.Encode();

        Assert.Matches("^[A-Za-z0-9_-]+$", text);
        Assert.Equal(cursor, ListCursor.Decode(text, "next"));
        Assert.Equal(ListCursor.Start, ListCursor.Decode(ListCursor.Start.Encode(), "next"));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("not a cursor")]
    [InlineData("djJ8YWJj")] // "v2|abc": the position is not a number
    [InlineData("djJ8LTE")] // "v2|-1": positions are never negative
    [InlineData("djF8MTB8aWQ")] // "v1|10|id": a cursor from before positions
    public void Anything_else_is_refused_naming_the_parameter(string text)
    {
        var error = Assert.Throws<DomainException>(() => ListCursor.Decode(text, "next"));

        Assert.Equal(("next", ErrorKind.Validation), (error.Field, error.Kind));
    }
}
