using System.Text;

namespace Accounts.Storage.Emulator;

/// <summary>The last lines a child process wrote, kept bounded for error messages.</summary>
internal sealed class ProcessOutput
{
    private const int MaxLines = 200;

    private readonly Queue<string> errors = new();
    private readonly Queue<string> outs = new();

    public void AddOut(string? line) => Add(outs, line);

    public void AddError(string? line) => Add(errors, line);

    public override string ToString()
    {
        lock (errors)
        {
            var text = new StringBuilder();
            text.AppendLine("--- Azurite stderr ---");
            foreach (var line in errors)
            {
                text.AppendLine(line);
            }

            text.AppendLine("--- Azurite stdout ---");
            foreach (var line in outs)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    private void Add(Queue<string> queue, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (errors)
        {
            queue.Enqueue(line);
            if (queue.Count > MaxLines)
            {
                queue.Dequeue();
            }
        }
    }
}
