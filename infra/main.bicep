// Azure resources for Accounts: an Azure Functions custom handler (self-contained linux-x64 ASP.NET Core app)
// over Table Storage, with deposits on a Service Bus queue.
// Deploy into a resource group: az deployment group create -g <rg> -f infra/main.bicep -p name=<prefix>

targetScope = 'resourceGroup'

@description('Short prefix for resource names: letters, digits and hyphens.')
@minLength(3)
@maxLength(11)
param name string

param location string = resourceGroup().location

@description('Redundancy of the account holding the ledger. Zone-redundant by default because it holds money.')
@allowed([
  'Standard_ZRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
  'Standard_LRS'
])
param dataStorageSku string = 'Standard_ZRS'

@description('Upper bound of Elastic Premium instances the plan may scale out to.')
@minValue(1)
param maximumElasticWorkerCount int = 20

var suffix = uniqueString(resourceGroup().id, name)
// Storage account names allow only lowercase letters and digits, at most 24.
var storagePrefix = toLower(replace(name, '-', ''))
var hostStorageName = take('${storagePrefix}host${suffix}', 24)
var dataStorageName = take('${storagePrefix}data${suffix}', 24)
var functionAppName = '${name}-func-${suffix}'
var contentShare = toLower(functionAppName)

// The Functions host's own state (keys, timer schedules, leases, deployment content).
resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostStorageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

// The ledger's tables, kept apart from host state so its redundancy, access and retention can differ.
resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: dataStorageName
  location: location
  sku: { name: dataStorageSku }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: '${name}-sb-${suffix}'
  location: location
  sku: {
    name: 'Standard' // sessions and duplicate detection need Standard or Premium
    tier: 'Standard'
  }
  properties: {
    minimumTlsVersion: '1.2'
  }
}

// Deposits. Not session-enabled and without duplicate detection: a custom handler's Service Bus output binding
// sends the body only (no SessionId, no MessageId), and a session-enabled queue refuses such messages. The app
// de-duplicates by its own deposit records and tolerates out-of-order events per reference (see README).
resource depositsQueue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: serviceBus
  name: 'deposits'
  properties: {
    requiresSession: false
    requiresDuplicateDetection: false
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
  }
}

// Least privilege for the app: send (webhook output binding) and listen (trigger), no manage.
resource appServiceBusRule 'Microsoft.ServiceBus/namespaces/authorizationRules@2022-10-01-preview' = {
  parent: serviceBus
  name: 'accounts-app'
  properties: {
    rights: [
      'Listen'
      'Send'
    ]
  }
}

// Elastic Premium on Linux: custom handlers with FUNCTIONS_WORKER_RUNTIME=custom are documented here,
// instances stay warm (the host must start the handler within 30 s), and scaling follows the queue.
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'elastic'
  sku: {
    name: 'EP1'
    tier: 'ElasticPremium'
  }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: maximumElasticWorkerCount
  }
}

var hostStorageConnection = 'DefaultEndpointsProtocol=https;AccountName=${hostStorage.name};AccountKey=${hostStorage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
var dataStorageConnection = 'DefaultEndpointsProtocol=https;AccountName=${dataStorage.name};AccountKey=${dataStorage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    reserved: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        { name: 'AzureWebJobsStorage', value: hostStorageConnection }
        // Elastic Premium keeps the deployed content on an Azure Files share.
        { name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', value: hostStorageConnection }
        { name: 'WEBSITE_CONTENTSHARE', value: contentShare }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Storage__ConnectionString', value: dataStorageConnection }
        { name: 'ServiceBusConnection', value: appServiceBusRule.listKeys().primaryConnectionString }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
      ]
    }
  }
}

output functionAppName string = functionApp.name
output functionAppHostName string = functionApp.properties.defaultHostName
output depositsQueueName string = depositsQueue.name
