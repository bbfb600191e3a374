using Accounts.Functions.Hosting;
using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Builder;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>The publish step's path: an app started with --emit-functions writes its folders and returns.</summary>
public sealed class EmitFunctionsTests
{
    [Fact]
    public async Task Emitting_writes_a_function_json_per_function_without_starting_the_server()
    {
        // Emitting runs standalone, where invocation routes are not served; their functions must be written all the same.
        var output = Directory.CreateTempSubdirectory("emit-").FullName;
        try
        {
            string[] args = ["--emit-functions", output];
            var builder = WebApplication.CreateBuilder(args);
            builder.AddCustomHandlerHosting();
            await using var app = builder.Build();
            app.MapCustomHandlerEndpoints();
            app.MapGet("/probe/{id:int}", TestEndpoints.Ok).AsFunction("Probe");
            var timer = FunctionBinding.TimerTrigger("timer", "0 * * * * *");
            app.MapFunction("Tick", timer, TestEndpoints.Ok);

            // Returning at all proves the server never ran: RunAsync would block until shutdown.
            await app.RunOrEmitFunctionsAsync(args).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(["Probe", "Tick"], Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var expected = FunctionMetadataWriter.ToJson(new FunctionDefinition("Probe",
                [FunctionBinding.HttpTrigger("probe/{id}", ["get"]), FunctionBinding.HttpOutput()]));
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(output, "Probe", "function.json")));
            Assert.Equal(FunctionMetadataWriter.ToJson(new FunctionDefinition("Tick", [timer])),
                await File.ReadAllTextAsync(Path.Combine(output, "Tick", "function.json")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void The_emit_argument_needs_a_directory()
    {
        Assert.Null(EmitFunctionsArgument.Find(["--urls", "http://127.0.0.1:1"]));
        Assert.Equal("out", EmitFunctionsArgument.Find(["--emit-functions", "out"]));
        Assert.Equal("out", EmitFunctionsArgument.Find(["--emit-functions=out"]));
        Assert.Throws<ArgumentException>(() => EmitFunctionsArgument.Find(["--emit-functions="]));
        Assert.Throws<ArgumentException>(() => EmitFunctionsArgument.Find(["--emit-functions"]));
        Assert.Throws<ArgumentException>(() => EmitFunctionsArgument.Find(["--emit-functions", "--urls"]));
    }
}
