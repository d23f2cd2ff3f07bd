// PostPurchase on Azure: the Functions app (Flex Consumption) with everything it talks to.
// Deployed by `azd up`; plain resource declarations only, so `bicep build` and `bicep lint` run offline.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used in resource names and tags.')
param environmentName string

@minLength(1)
@description('Region of every resource (it must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user; given data access to storage and secrets for local debugging. Empty to skip.')
param principalId string = ''

@description('Where ACS keeps email data at rest.')
@allowed([
  'Africa'
  'Asia Pacific'
  'Australia'
  'Brazil'
  'Canada'
  'Europe'
  'France'
  'Germany'
  'India'
  'Japan'
  'Korea'
  'Norway'
  'Switzerland'
  'UAE'
  'UK'
  'United States'
])
param emailDataLocation string = 'Europe'

@secure()
@minLength(16)
@description('Merchant API key (x-functions-key header or ?code=).')
param apiKey string

@secure()
@minLength(16)
@description('Key that signs the buyer links; keep it stable, changing it invalidates every link already sent.')
param signingKey string

@description('Public base URL of the tracking pages and buyer links; empty uses the Function App URL.')
param publicBaseUrl string = ''

@description('Twilio account SID (AC...); empty leaves SMS/WhatsApp in record-only mode.')
param twilioAccountSid string = ''

@secure()
@description('Twilio auth token (also used to verify Twilio webhook signatures).')
param twilioAuthToken string = ''

@description('Twilio SMS sender number (E.164).')
param twilioFrom string = ''

@description('Twilio WhatsApp sender number (E.164, without the whatsapp: prefix).')
param twilioWhatsAppFrom string = ''

@description('Twilio Messaging Service SID (MG...); used instead of the sender number when set.')
param twilioMessagingServiceSid string = ''

@secure()
@description('Webhook secret of AfterShip; empty refuses its webhooks.')
param aftershipSecret string = ''

@secure()
@description('Webhook secret of EasyPost; empty refuses its webhooks.')
param easypostSecret string = ''

@secure()
@description('Webhook secret of Sendcloud (the integration secret key); empty refuses its webhooks.')
param sendcloudSecret string = ''

@secure()
@description('Token Shippo sends in the webhook URL; empty refuses its webhooks.')
param shippoSecret string = ''

@secure()
@description('HMAC secret of the generic carrier webhook; empty refuses its webhooks.')
param genericSecret string = ''

@secure()
@description('Shopify webhook signing secret (the app\'s client secret); empty refuses Shopify deliveries.')
param shopifyWebhookSecret string = ''

@description('Shopify shop domain (shop.myshopify.com) for the Admin API: product types and catch-up.')
param shopifyShopDomain string = ''

@secure()
@description('Shopify Admin API access token (shpat_...); empty leaves product-type lookup and catch-up off.')
param shopifyAdminToken string = ''

@secure()
@description('WooCommerce webhook secret; empty refuses WooCommerce deliveries.')
param wooCommerceWebhookSecret string = ''

@description('WooCommerce store URL for the REST poll that finds missed orders.')
param wooCommerceStoreUrl string = ''

@description('WooCommerce REST consumer key (ck_...).')
param wooCommerceConsumerKey string = ''

@secure()
@description('WooCommerce REST consumer secret (cs_...).')
param wooCommerceConsumerSecret string = ''

@secure()
@description('Shopware shop secret that signs its webhooks; empty refuses Shopware deliveries.')
param shopwareShopSecret string = ''

@description('Shopware shop URL for the Admin API (orders are read from it).')
param shopwareShopUrl string = ''

@description('Shopware integration access key id.')
param shopwareClientId string = ''

@secure()
@description('Shopware integration secret access key.')
param shopwareClientSecret string = ''

@secure()
@description('Key that ACS email events carry (Event Grid subscription URL ?key=...); empty refuses them.')
param emailEventsKey string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-api-${resourceToken}'
var carrierSecrets = {
  aftership: aftershipSecret
  easypost: easypostSecret
  sendcloud: sendcloudSecret
  shippo: shippoSecret
  generic: genericSecret
}
// Optional secrets: app setting, Key Vault secret name and value; a setting whose secret was left empty is not set at all.
var optionalSecretList = concat(
  map(items(carrierSecrets), carrier => {
    setting: 'PostPurchase__Carriers__${carrier.key}__Secret'
    secret: 'carrier-${carrier.key}-secret'
    value: carrier.value
  }),
  [
    { setting: 'PostPurchase__Shops__Shopify__WebhookSecret', secret: 'shopify-webhook-secret', value: shopifyWebhookSecret }
    { setting: 'PostPurchase__Shops__Shopify__AdminToken', secret: 'shopify-admin-token', value: shopifyAdminToken }
    { setting: 'PostPurchase__Shops__WooCommerce__WebhookSecret', secret: 'woocommerce-webhook-secret', value: wooCommerceWebhookSecret }
    { setting: 'PostPurchase__Shops__WooCommerce__ConsumerSecret', secret: 'woocommerce-consumer-secret', value: wooCommerceConsumerSecret }
    { setting: 'PostPurchase__Shops__Shopware__ShopSecret', secret: 'shopware-shop-secret', value: shopwareShopSecret }
    { setting: 'PostPurchase__Shops__Shopware__ClientSecret', secret: 'shopware-client-secret', value: shopwareClientSecret }
    { setting: 'PostPurchase__Email__EventGridKey', secret: 'email-events-key', value: emailEventsKey }
  ]
)
var optionalSecrets = filter(optionalSecretList, s => !empty(s.value))
// App setting -> Key Vault secret name.
var secretSettings = union(
  {
    PostPurchase__ApiKey: 'api-key'
    PostPurchase__SigningKey: 'signing-key'
  },
  empty(twilioAuthToken) ? {} : { PostPurchase__Twilio__AuthToken: 'twilio-auth-token' },
  toObject(optionalSecrets, s => s.setting, s => s.secret)
)
// Shop settings that are not secret; empty ones are left out.
var shopSettings = filter(items({
  PostPurchase__Shops__Shopify__ShopDomain: shopifyShopDomain
  PostPurchase__Shops__WooCommerce__StoreUrl: wooCommerceStoreUrl
  PostPurchase__Shops__WooCommerce__ConsumerKey: wooCommerceConsumerKey
  PostPurchase__Shops__Shopware__ShopUrl: shopwareShopUrl
  PostPurchase__Shops__Shopware__ClientId: shopwareClientId
}), setting => !empty(setting.value))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(resourceToken, 12)}'
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module communication 'app/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationServiceName: 'acs-${resourceToken}'
    emailServiceName: 'ecs-${resourceToken}'
    dataLocation: emailDataLocation
    tags: tags
    senderPrincipalId: identity.outputs.principalId
  }
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    apiKey: apiKey
    signingKey: signingKey
    twilioAuthToken: twilioAuthToken
    optionalSecrets: toObject(optionalSecrets, s => s.secret, s => s.value)
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: vault.outputs.name
    secretNames: secretSettings
    emailSender: communication.outputs.senderAddress
    emailEndpoint: communication.outputs.endpoint
    publicBaseUrl: publicBaseUrl
    plainSettings: toObject(shopSettings, setting => setting.key, setting => setting.value)
    twilio: {
      accountSid: twilioAccountSid
      from: twilioFrom
      whatsAppFrom: twilioWhatsAppFrom
      messagingServiceSid: twilioMessagingServiceSid
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output FUNCTION_BASE_URL string = api.outputs.baseUrl
output ORDER_INTAKE_URL string = '${api.outputs.baseUrl}/api/orders'
output WEBHOOK_AFTERSHIP_URL string = '${api.outputs.baseUrl}/api/webhooks/carriers/aftership'
output WEBHOOK_EASYPOST_URL string = '${api.outputs.baseUrl}/api/webhooks/carriers/easypost'
output WEBHOOK_SENDCLOUD_URL string = '${api.outputs.baseUrl}/api/webhooks/carriers/sendcloud'
output WEBHOOK_SHIPPO_URL string = '${api.outputs.baseUrl}/api/webhooks/carriers/shippo'
output WEBHOOK_GENERIC_URL string = '${api.outputs.baseUrl}/api/webhooks/carriers/generic'
output WEBHOOK_TWILIO_INBOUND_URL string = '${api.outputs.baseUrl}/api/webhooks/twilio/inbound'
output WEBHOOK_TWILIO_STATUS_URL string = '${api.outputs.baseUrl}/api/webhooks/twilio/status'
output WEBHOOK_SHOPIFY_URL string = '${api.outputs.baseUrl}/api/webhooks/shops/shopify'
output WEBHOOK_WOOCOMMERCE_URL string = '${api.outputs.baseUrl}/api/webhooks/shops/woocommerce'
output WEBHOOK_SHOPWARE_URL string = '${api.outputs.baseUrl}/api/webhooks/shops/shopware'
output WEBHOOK_ACS_EVENTS_URL string = '${api.outputs.baseUrl}/api/webhooks/acs/events'
output EMAIL_SENDER string = communication.outputs.senderAddress
