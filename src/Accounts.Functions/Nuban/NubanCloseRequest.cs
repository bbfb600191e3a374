using System.Text.Json;

namespace Accounts.Functions.Nuban;

/// <summary>
/// DELETE or POST /v1/accounts/static/close. The seed documents <c>account_number</c> as a number and shows it
/// unquoted, while every other route treats it as a string: both are accepted.
/// </summary>
public sealed record NubanCloseRequest(JsonElement? AccountNumber, string? Note);
