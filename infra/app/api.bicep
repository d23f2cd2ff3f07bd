// The Function App on Flex Consumption (FC1), .NET 10 isolated worker, running as its user-assigned
// identity: identity-based storage for the host, Durable Functions, the deployment and PostPurchase's own
// clients, email through ACS with the identity too (no keys anywhere), other secrets as Key Vault references.
param name string
param planName string
param location string
param tags object
@description('azd service name (azure.yaml) this app is deployed as.')
param serviceName string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
@description('Secret name per app setting; each becomes a Key Vault reference.')
param secretNames object
param emailSender string
@description('ACS endpoint (https://<resource>.communication.azure.com); the app signs in with its identity.')
param emailEndpoint string
param publicBaseUrl string
@description('Twilio settings that are not secret: accountSid, from, whatsAppFrom, messagingServiceSid.')
param twilio object
@description('Further plain app settings (shop platform URLs and ids), by setting name.')
param plainSettings object = {}
@minValue(512)
param instanceMemoryMB int = 2048
@minValue(1)
param maximumInstanceCount int = 100

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var baseUrl = 'https://${name}.azurewebsites.net'

// The identity-based connection convention of Functions (account, endpoints, the managed identity and which one),
// once for the host and Durable Functions, once for PostPurchase's own storage clients.
var hostSettings = {
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  PostPurchase__Storage__accountName: storage.name
  PostPurchase__Storage__credential: 'managedidentity'
  PostPurchase__Storage__clientId: identityClientId
  PostPurchase__Storage__blobServiceUri: storage.properties.primaryEndpoints.blob
  PostPurchase__Storage__queueServiceUri: storage.properties.primaryEndpoints.queue
  PostPurchase__Storage__tableServiceUri: storage.properties.primaryEndpoints.table
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // '/' is the merchant dashboard, not the host's splash page.
  AzureWebJobsDisableHomepage: 'true'
}

var postPurchaseSettings = {
  PostPurchase__PublicBaseUrl: empty(publicBaseUrl) ? baseUrl : publicBaseUrl
  PostPurchase__Clock: 'System'
  PostPurchase__Email__Provider: 'Acs'
  PostPurchase__Email__Sender: emailSender
  // Endpoint only: the ACS client signs in with the identity (AZURE_CLIENT_ID) instead of an access key.
  PostPurchase__Email__ConnectionString: 'endpoint=${emailEndpoint}'
  PostPurchase__Twilio__AccountSid: twilio.?accountSid ?? ''
  PostPurchase__Twilio__From: twilio.?from ?? ''
  PostPurchase__Twilio__WhatsAppFrom: twilio.?whatsAppFrom ?? ''
  PostPurchase__Twilio__MessagingServiceSid: twilio.?messagingServiceSid ?? ''
}

var secretSettings = toObject(
  items(secretNames),
  secret => secret.key,
  secret => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secret.value})'
)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: [
          {
            // One warm instance for the Durable Functions group cuts timer and event latency after idle.
            name: 'durable'
            instanceCount: 1
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(hostSettings, postPurchaseSettings, plainSettings, secretSettings)
  }
}

output name string = site.name
output baseUrl string = 'https://${site.properties.defaultHostName}'
