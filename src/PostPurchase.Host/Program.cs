using PostPurchase.Host;

HostApplication.Build(args).Run();
