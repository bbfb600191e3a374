using System.Text;
using System.Text.Json;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting.Invocation;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The deposit webhook in its two forms, over one <see cref="DepositIntake"/>: the forwarded route (standalone:
/// the accepted event goes on the local queue) and the host's JSON invocation (the event goes to the Service Bus
/// output binding, the answer to the caller in the http output).
/// </summary>
public static class DepositWebhookApi
{
    public const string OutputBinding = "deposit";

    public static async Task<IResult> ReceiveForwarded(HttpRequest request, DepositIntake intake, IDepositSender sender,
        IDepositOutbox outbox, ILogger<DepositIntake> logger)
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await RawWebhookBody.ReadAsync(request, ct);
        var result = await intake.ReceiveAsync(Header(request, "x-api-key"), Header(request, "x-timestamp"),
            Header(request, "x-signature"), body, ct);
        if (result is { Message: { } message, Outbox: { } row })
        {
            try
            {
                await sender.SendAsync(result.EventId, message, ct);
                await outbox.RemoveAsync(row, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The event is recorded with its outbox row, so it is accepted: the sweeper queues it after the grace period.
                logger.LogWarning(ex, "Deposit {EventId} is recorded but its queueing failed; the outbox sweeper will queue it",
                    result.EventId);
            }
        }

        return Results.Json(DepositResponses.Accepted(result.EventId), statusCode: StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> ReceiveInvocation(HttpRequest request, DepositIntake intake, StartupGate gate)
    {
        var ct = request.HttpContext.RequestAborted;
        var invocation = await InvocationRequest.ReadAsync(request, ct);
        var req = invocation.Data("req");
        var outputs = new Dictionary<string, object?>();
        try
        {
            await gate.WaitAsync(ct);
            var result = await intake.ReceiveAsync(Header(req, "x-api-key"), Header(req, "x-timestamp"), Header(req, "x-signature"),
                Encoding.UTF8.GetBytes(Body(req)), ct);
            outputs["res"] = InvocationResponse.HttpOutput(StatusCodes.Status202Accepted, DepositResponses.Accepted(result.EventId));
            if (result.Message is { } message)
            {
                outputs[OutputBinding] = message;
            }
        }
        catch (DomainException ex)
        {
            // A refused webhook is a completed invocation: the caller gets the 4xx, nothing is queued.
            outputs["res"] = InvocationResponse.HttpOutput(DepositResponses.StatusOf(ex), DepositResponses.Error(ex));
        }

        return new InvocationResponse(outputs, [], null).Completed();
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Headers arrive as name → array of strings; names are matched case-insensitively.</summary>
    private static string? Header(JsonElement req, string name)
    {
        if (req.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var section in req.EnumerateObject().Where(p => p.NameEquals("Headers") || p.Name.Equals("headers", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var header in section.Value.EnumerateObject().Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return header.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(',', header.Value.EnumerateArray().Select(v => v.GetString()))
                    : header.Value.GetString();
            }
        }

        return null;
    }

    /// <summary>The raw body as the host passed it (a string; absent when the request had no Content-Length).</summary>
    private static string Body(JsonElement req)
    {
        if (req.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var body = req.EnumerateObject().FirstOrDefault(p => p.Name.Equals("Body", StringComparison.OrdinalIgnoreCase));
        return body.Value.ValueKind switch
        {
            JsonValueKind.String => body.Value.GetString() ?? string.Empty,
            JsonValueKind.Undefined or JsonValueKind.Null => string.Empty,
            _ => body.Value.GetRawText(),
        };
    }
}
