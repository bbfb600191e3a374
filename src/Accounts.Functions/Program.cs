using Accounts.Functions;
using Accounts.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAccountsStorage(builder.Configuration);
builder.AddAccountsApi();

var app = builder.Build();
app.MapAccountsApi();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
