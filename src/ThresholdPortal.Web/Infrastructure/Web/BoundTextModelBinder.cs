using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// Binds every string the portal accepts (form fields, query strings, route values; on their own, in nested
/// models and in lists) as the framework would, then cleans it with <see cref="BoundText"/>: the one place typed
/// text enters, so no page can forget (docs/decisions/0099). It sits where the framework's own binder of simple
/// types sits, so strings bound from headers, services or a body keep their own binders.
/// </summary>
public sealed class BoundTextModelBinderProvider : IModelBinderProvider
{
    public static void AddTo(IList<IModelBinderProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var simpleTypes = providers.Select((p, i) => (p, i)).First(x => x.p is SimpleTypeModelBinderProvider).i;
        providers.Insert(simpleTypes, new BoundTextModelBinderProvider());
    }

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(string)
            ? new BoundTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }
}

public sealed class BoundTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is { IsModelSet: true, Model: string text } && BoundText.Clean(text) is var clean
            && !ReferenceEquals(clean, text))
        {
            bindingContext.Result = ModelBindingResult.Success(
                clean.Length == 0 && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : clean);
            // A form shown again with errors shows the cleaned text, not what was posted.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean, clean);
        }
    }
}
