namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// A body posted to <c>/{FunctionName}</c> is not an invocation the Functions host could have sent (not JSON, a section
/// of the wrong type, text that is not valid Unicode...). <see cref="InvocationFilter"/> answers it with 400; the message
/// says what is wrong, naming the field.
/// </summary>
public sealed class InvalidInvocationException(string problem) : Exception(problem);
