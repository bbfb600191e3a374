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

// The ledger's tables, kept apart from host state so its redundancy, access and retention can differ. No account
// keys: the app reaches it with its managed identity (Storage Table Data Contributor below), nobody with a key.
resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: dataStorageName
  location: location
  sku: { name: dataStorageSku }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
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
    disableLocalAuth: true // no SAS keys: Entra ID (the app's managed identity) only
  }
}

// Deposits. The handler sends each event itself with SessionId = the receiving account number and MessageId = the
// event id: sessions give each account one ordered stream with one consumer at a time (ApplyDeposit receives a
// session's waiting events as one batch and commits them together), and duplicate detection drops a second send of
// an event within a day (a webhook redelivery, an outbox sweep racing a slow send). A message that keeps failing is
// dead-lettered after maxDeliveryCount (= Deposits:MaxDeliveryCount), and so is one that expires.
resource depositsQueue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: serviceBus
  name: 'deposits'
  properties: {
    requiresSession: true
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
  }
}

// Notifications (issue 13): one message per delivery attempt of an outbound webhook; a retry is a message scheduled
// for its time. No sessions (deliveries are independent) and no duplicate detection (each retry is a new send with its own
// MessageId). The delivery row, not the message, holds the state: a message that keeps failing to be handled (storage
// trouble) is dead-lettered, and the SweepNotifications timer brings its delivery back from its due row.
resource notificationsQueue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: serviceBus
  name: 'notifications'
  properties: {
    requiresSession: false
    maxDeliveryCount: 5
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P7D'
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
// "https://<namespace>.servicebus.windows.net:443/" -> "<namespace>.servicebus.windows.net", whatever the cloud.
var serviceBusNamespaceHost = split(split(serviceBus.properties.serviceBusEndpoint, '//')[1], ':')[0]

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
        // Data and messaging through the app's system-assigned identity (role assignments below), no keys.
        { name: 'Storage__TableEndpoint', value: dataStorage.properties.primaryEndpoints.table }
        { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: serviceBusNamespaceHost }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
      ]
    }
  }
}

// Built-in roles (ids are the same in every tenant).
var roles = {
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// The webhook and the RequeueDeposits timer send to the queue; the ApplyDeposit trigger receives from it. Scoped to the
// queue, not the namespace. No queue-data role on the data account: under the host deposits travel on Service Bus.
resource depositsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(depositsQueue.id, functionApp.id, roles.serviceBusDataSender)
  scope: depositsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource depositsReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(depositsQueue.id, functionApp.id, roles.serviceBusDataReceiver)
  scope: depositsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// DeliverNotification receives from the notifications queue; the handler sends deliveries and scheduled retries to it.
resource notificationsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(notificationsQueue.id, functionApp.id, roles.serviceBusDataSender)
  scope: notificationsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource notificationsReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(notificationsQueue.id, functionApp.id, roles.serviceBusDataReceiver)
  scope: notificationsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The ledger's tables: read, insert, update and delete entities, and create the tables at start-up.
resource dataTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dataStorage.id, functionApp.id, roles.storageTableDataContributor)
  scope: dataStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output functionAppName string = functionApp.name
output functionAppHostName string = functionApp.properties.defaultHostName
output depositsQueueName string = depositsQueue.name
output notificationsQueueName string = notificationsQueue.name
