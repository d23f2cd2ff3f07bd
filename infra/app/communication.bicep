// Azure Communication Services for email: an Email Communication Service with an Azure-managed
// domain (DoNotReply@<guid>.azurecomm.net), linked to the Communication Service the app sends through.
// Use a custom domain for production mail; add it to the email service and link it here.
// The app sends as its managed identity (an endpoint-only ACS connection string): no access key leaves Azure.
param communicationServiceName string
param emailServiceName string
param dataLocation string
param tags object
@description('The app identity that sends email through the Communication Service.')
param senderPrincipalId string

// Communication and Email Service Owner: the built-in role that lets an Entra ID identity send through ACS.
var emailSenderRole = '09976791-48a7-449e-bb21-39d1a415f350'

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      userEngagementTracking: 'Disabled'
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      emailService::managedDomain.id
    ]
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, senderPrincipalId, emailSenderRole)
  scope: communicationService
  properties: {
    principalId: senderPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailSenderRole)
  }
}

output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = 'DoNotReply@${emailService::managedDomain.properties.mailFromSenderDomain}'
