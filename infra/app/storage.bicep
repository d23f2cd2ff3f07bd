// The one storage account: Functions host and deployment package (blob), Durable Functions task hub
// (queue + table + blob), and PostPurchase's own tables (read model, indexes). The Functions host and
// the Durable extension reach all three services with the app's managed identity (identity-based
// AzureWebJobsStorage, no keys), so it needs all three data roles. PostPurchase's table and queue
// clients take a connection string today, kept in Key Vault; set allowSharedKeyAccess to false once
// they authenticate with the identity as well.
param name string
param location string
param tags object
param deploymentContainerName string
param identityPrincipalId string
@description('Deploying user for local debugging against this account; empty to skip.')
param userPrincipalId string = ''
@description('Allow account-key access (PostPurchase:Storage is a connection string held in Key Vault).')
param allowSharedKeyAccess bool = true

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
