// Key Vault (RBAC) holding the secrets the app needs that Azure cannot replace with its identity (API key,
// signing key, Twilio, carrier, shop and email-event secrets); app settings reference them as @Microsoft.KeyVault(...) and the
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
@description('Optional secrets by Key Vault secret name (carrier and shop webhook secrets, platform API credentials, the email events key); empty values are skipped.')
param optionalSecrets object

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

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

resource optionalSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in items(optionalSecrets): if (!empty(secret.value)) {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
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
