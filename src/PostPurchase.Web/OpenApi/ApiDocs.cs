using Scalar.AspNetCore;

namespace PostPurchase.Web.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, and the Scalar UI at <c>/scalar</c> in Development.</summary>
public static class ApiDocs
{
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
        return app;
    }
}
