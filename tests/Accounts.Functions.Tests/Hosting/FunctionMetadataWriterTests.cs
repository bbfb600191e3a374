using Accounts.Functions.Hosting;
using Accounts.Functions.Hosting.Functions;

namespace Accounts.Functions.Tests.Hosting;

public sealed class FunctionMetadataWriterTests
{
    [Fact]
    public void An_http_function_is_an_anonymous_http_trigger_with_lowercase_methods_and_an_http_output()
    {
        var function = new FunctionDefinition("CreateAccount",
            [FunctionBinding.HttpTrigger("zoqq/api/v1/account", ["GET", "POST"]), FunctionBinding.HttpOutput()]);

        Assert.Equal(
            """
            {
              "bindings": [
                {
                  "type": "httpTrigger",
                  "direction": "in",
                  "name": "req",
                  "authLevel": "anonymous",
                  "methods": [
                    "get",
                    "post"
                  ],
                  "route": "zoqq/api/v1/account"
                },
                {
                  "type": "http",
                  "direction": "out",
                  "name": "res"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            FunctionMetadataWriter.ToJson(function));
    }

    [Fact]
    public void A_timer_function_has_only_its_trigger_with_the_six_field_schedule()
    {
        var function = new FunctionDefinition("ExpireDynamicAccounts", [FunctionBinding.TimerTrigger("timer", "0 */5 * * * *")]);

        Assert.Equal(
            """
            {
              "bindings": [
                {
                  "type": "timerTrigger",
                  "direction": "in",
                  "name": "timer",
                  "schedule": "0 */5 * * * *"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            FunctionMetadataWriter.ToJson(function));
    }

    [Fact]
    public void A_service_bus_function_names_the_queue_the_connection_setting_and_sessions()
    {
        var function = new FunctionDefinition("ApplyDeposit",
            [FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true)]);

        Assert.Equal(
            """
            {
              "bindings": [
                {
                  "type": "serviceBusTrigger",
                  "direction": "in",
                  "name": "message",
                  "queueName": "deposits",
                  "connection": "ServiceBusConnection",
                  "isSessionsEnabled": true
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            FunctionMetadataWriter.ToJson(function));
    }

    [Fact]
    public void A_batched_service_bus_trigger_asks_for_many_messages_as_text()
    {
        var function = new FunctionDefinition("ApplyDeposit",
            [FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true, batch: true)]);

        Assert.Equal(
            """
            {
              "bindings": [
                {
                  "type": "serviceBusTrigger",
                  "direction": "in",
                  "name": "message",
                  "queueName": "deposits",
                  "connection": "ServiceBusConnection",
                  "isSessionsEnabled": true,
                  "cardinality": "many",
                  "dataType": "string"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            FunctionMetadataWriter.ToJson(function));
        Assert.True(function.Bindings[0].IsBatch);
    }

    [Fact]
    public void A_service_bus_output_is_written_after_the_trigger()
    {
        var function = new FunctionDefinition("ReceiveDeposit",
        [
            FunctionBinding.HttpTrigger("hooks/deposit", ["POST"]),
            FunctionBinding.HttpOutput(),
            FunctionBinding.ServiceBusOutput("deposit", "deposits", "ServiceBusConnection"),
        ]);

        var json = FunctionMetadataWriter.ToJson(function);

        Assert.EndsWith(
            """
                {
                  "type": "serviceBus",
                  "direction": "out",
                  "name": "deposit",
                  "queueName": "deposits",
                  "connection": "ServiceBusConnection"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public void Writing_creates_one_folder_per_function_and_removes_folders_of_functions_that_no_longer_exist()
    {
        var root = Directory.CreateTempSubdirectory("functions-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Renamed"));
            File.WriteAllText(Path.Combine(root, "Renamed", "function.json"), "{}");
            Directory.CreateDirectory(Path.Combine(root, "runtimes"));
            var timer = new FunctionDefinition("Tick", [FunctionBinding.TimerTrigger("timer", "0 * * * * *")]);

            FunctionMetadataWriter.Write(root, [timer]);

            Assert.Equal(FunctionMetadataWriter.ToJson(timer), File.ReadAllText(Path.Combine(root, "Tick", "function.json")));
            Assert.False(Directory.Exists(Path.Combine(root, "Renamed")));
            Assert.True(Directory.Exists(Path.Combine(root, "runtimes")), "folders without function.json belong to the app");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_timer_schedule_without_six_fields_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => FunctionBinding.TimerTrigger("timer", "*/5 * * * *"));
    }
}
