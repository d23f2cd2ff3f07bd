// Key Vault (RBAC) holding the secrets the app needs that Azure cannot replace with its identity (API key,
// signing key, carrier and Twilio secrets); app settings reference them as @Microsoft.KeyVault(...) and the
// app's identity reads them. Storage and email need no secret: the identity signs in to both. Empty secrets
// are not created, and the app then runs without that integration (record-only texts, refused webhooks).
param name string
param location string
param tags object
param readerPrincipalId string
@description('Deploying user, allowed to read and set secrets; empty to skip.')
param userPrincipalId string = ''
@secure()
param apiKey string
@secure()
param signingKey string
@secure()
param twilioAuthToken string
@secure()
@description('Webhook secret per carrier provider (aftership, easypost, sendcloud, shippo, generic).')
param carrierSecrets object

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var carriers = [
  'aftership'
  'easypost'
  'sendcloud'
  'shippo'
  'generic'
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource apiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'api-key'
  properties: {
    value: apiKey
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'signing-key'
  properties: {
    value: signingKey
  }
}

resource twilioSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(twilioAuthToken)) {
  parent: vault
  name: 'twilio-auth-token'
  properties: {
    value: twilioAuthToken
  }
}

resource carrierSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for carrier in carriers: if (!empty(carrierSecrets[?carrier] ?? '')) {
  parent: vault
  name: 'carrier-${carrier}-secret'
  properties: {
    value: carrierSecrets[?carrier] ?? ''
  }
}]

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault.id, userPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    principalId: userPrincipalId
    principalType: 'User'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

output name string = vault.name
