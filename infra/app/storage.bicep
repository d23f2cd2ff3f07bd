// The one storage account: Functions host and deployment package (blob), Durable Functions task hub
// (queue + table + blob), and PostPurchase's own tables, queues and blobs (read model, indexes, webhook
// log, keys). The Functions host, the Durable extension, the deployment and PostPurchase's own clients all
// reach it with the app's managed identity (identity-based AzureWebJobsStorage__* and
// PostPurchase__Storage__* settings), so the identity holds all three data roles and account keys are off.
param name string
param location string
param tags object
param deploymentContainerName string
param identityPrincipalId string
@description('Deploying user for local debugging against this account; empty to skip.')
param userPrincipalId string = ''
@description('Allow account-key access. Nothing of the app needs a key; turn it on only for a tool that cannot use Entra ID.')
param allowSharedKeyAccess bool = false

var dataRoles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
    }
  }

  resource queues 'queueServices' = {
    name: 'default'
  }

  resource tables 'tableServices' = {
    name: 'default'
  }
}

resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(dataRoles): {
  name: guid(account.id, identityPrincipalId, role.value)
  scope: account
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

resource userRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(dataRoles): if (!empty(userPrincipalId)) {
  name: guid(account.id, userPrincipalId, role.value)
  scope: account
  properties: {
    principalId: userPrincipalId
    principalType: 'User'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

output name string = account.name
output deploymentContainerName string = account::blobs::deployment.name
