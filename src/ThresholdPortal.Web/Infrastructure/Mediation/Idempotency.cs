using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// A command that creates something, sent from a form that carries a key made when the form was shown
/// (<c>&lt;idempotency-key&gt;</c>). The same form sent twice, by a double click or a retry, creates once, and
/// the second send gets the first's result (docs/decisions/0105).
/// </summary>
public interface IIdempotentCommand
{
    Guid? IdempotencyKey { get; set; }
}

/// <summary>
/// An idempotent command whose key comes from outside the portal (an API client's Idempotency-Key header): the key is
/// kept with a fingerprint of the request, and the same key with a different request is refused, not replayed.
/// </summary>
public interface IFingerprintedCommand : IIdempotentCommand
{
    string? Fingerprint { get; }
}

/// <summary>A key a creating command has used, with what it answered, kept a day.</summary>
public sealed class IdempotencyKey
{
    public const int CommandMaxLength = 200;

    /// <summary>How long a key is remembered: far longer than any double submit or retry.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public Guid Key { get; init; }
    public Guid UserId { get; init; }

    /// <summary>The command's type, so a key cannot replay another form's result.</summary>
    public required string Command { get; init; }

    public const int FingerprintMaxLength = 64;

    /// <summary>The request's fingerprint, for a <see cref="IFingerprintedCommand"/>; null for a form's key.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The saved result's value as JSON; null for a command that answers no value.</summary>
    public string? Result { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(k => k.Key);
        builder.Property(k => k.Key).ValueGeneratedNever();
        builder.Property(k => k.Command).HasMaxLength(IdempotencyKey.CommandMaxLength);
        builder.Property(k => k.Result).HasColumnType("jsonb");
        builder.Property(k => k.Fingerprint).HasMaxLength(IdempotencyKey.FingerprintMaxLength);
        builder.HasIndex(k => k.CreatedAt);
    }
}

/// <summary>
/// Runs inside the command's transaction, before validation. It claims the key with an insert that a second send
/// of the same key waits on: when the first commits, the second finds the key taken and answers the first's result;
/// when the first fails, its claim is rolled back and the second runs. A result that did not save releases the key,
/// so the form shown again with its reason can be sent again.
/// </summary>
public sealed class IdempotencyBehaviour<TRequest, TResponse>(PortalDbContext db, ICurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { } key } || db.Database.CurrentTransaction is null)
        {
            return await next();
        }

        var command = typeof(TRequest).FullName![..Math.Min(typeof(TRequest).FullName!.Length, IdempotencyKey.CommandMaxLength)];
        var fingerprint = (request as IFingerprintedCommand)?.Fingerprint;
        var now = clock.GetUtcNow();
        var cutoff = now - IdempotencyKey.Kept;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""DELETE FROM "IdempotencyKeys" WHERE "CreatedAt" < {cutoff}""", cancellationToken);
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "IdempotencyKeys" ("Key", "UserId", "Command", "Fingerprint", "CreatedAt")
            VALUES ({key}, {user.Id}, {command}, {fingerprint}, {now})
            ON CONFLICT ("Key") DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
        {
            var first = await db.IdempotencyKeys.AsNoTracking().SingleAsync(k => k.Key == key, cancellationToken);
            if (first.UserId != user.Id || first.Command != command)
            {
                return Answer(CommandResult.NotFound, null);
            }

            return first.Fingerprint == fingerprint ? Replay(first.Result) : Answer(new CommandResult.Refused(ReusedKey), null);
        }

        var response = await next();
        var (saved, value) = Read(response);
        if (saved)
        {
            var result = value is null ? null : JsonSerializer.Serialize(value, value.GetType());
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "IdempotencyKeys" SET "Result" = {result}::jsonb WHERE "Key" = {key}""", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "IdempotencyKeys" WHERE "Key" = {key}""", cancellationToken);
        }

        return response;
    }

    public const string ReusedKey = "This Idempotency-Key was already used with a different request";

    private static (bool Saved, object? Value) Read(TResponse response) => response switch
    {
        CommandResult result => (result.IsSaved, null),
        IValuedCommandResult result => (result.Outcome.IsSaved, result.BoxedValue),
        _ => (false, null),
    };

    /// <summary>The first send's answer, rebuilt from what it stored.</summary>
    private static TResponse Replay(string? json)
    {
        var valueType = typeof(TResponse).IsGenericType ? typeof(TResponse).GetGenericArguments()[0] : null;
        var value = valueType is null || json is null ? null : JsonSerializer.Deserialize(json, valueType);
        return Answer(CommandResult.Saved, value);
    }

    private static TResponse Answer(CommandResult outcome, object? value) =>
        typeof(TResponse) == typeof(CommandResult)
            ? (TResponse)(object)outcome
            : (TResponse)Activator.CreateInstance(typeof(TResponse), value, outcome)!;
}
