using Accounts.Functions;
using Accounts.Functions.Api;
using Accounts.Functions.Health;
using Accounts.Functions.Hosting;
using Accounts.Functions.OpenApi;
using Accounts.Functions.Telemetry;
using Accounts.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomHandlerHosting(); // first, so the Development Azurite starts before anything using storage
builder.AddAccountsTelemetry();
builder.Services.AddAccountsStorage(builder.Configuration);
builder.AddAccountsApi();
builder.AddApiReference();

var app = builder.Build();
app.UseApiErrors();
app.MapCustomHandlerEndpoints();
app.MapHealthEndpoints();
app.MapAccountsApi();
app.MapApiReference();
await app.RunOrEmitFunctionsAsync(args);

/// <summary>Entry point; public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
