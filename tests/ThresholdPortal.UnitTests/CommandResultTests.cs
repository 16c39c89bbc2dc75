using MediatR;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.UnitTests;

/// <summary>
/// One answer for every command (docs/decisions/0081): saved, not found, refused or conflict, with a value when
/// the command has one to give, so every page turns it into a redirect, a 404 or the form again the same way.
/// </summary>
public sealed class CommandResultTests
{
    private static readonly Type[] Requests = [.. typeof(Program).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && Closed(t, typeof(IRequest<>)).Any())];

    [Fact]
    public void Every_command_answers_a_CommandResult()
    {
        var commands = Requests.Where(t => Closed(t, typeof(ICommand<>)).Any()).ToList();

        var others = commands
            .SelectMany(t => Closed(t, typeof(ICommand<>)).Select(answer => (Command: t, Answer: answer)))
            .Where(c => !IsCommandResult(c.Answer))
            .Select(c => $"{UseCaseName.Of(c.Command)} answers {c.Answer}")
            .Order(StringComparer.Ordinal)
            .ToList();

        commands.Count.ShouldBeGreaterThan(50, "the rule must see the commands it guards");
        others.ShouldBeEmpty("a command answers CommandResult, or CommandResult<T> when saving gives a value (a new id, "
            + "a reference); turn it into a page with OutcomeAsync or OutcomeOf (docs/decisions/0081)");
    }

    [Fact]
    public void Every_request_is_a_command_or_a_query()
    {
        var neither = Requests
            .Where(t => !Closed(t, typeof(ICommand<>)).Any() && !Closed(t, typeof(IQuery<>)).Any())
            .Select(UseCaseName.Of)
            .Order(StringComparer.Ordinal)
            .ToList();

        neither.ShouldBeEmpty("a request that changes state is an ICommand (one transaction, one result type); one that "
            + "only reads is an IQuery");
    }

    [Fact]
    public void Every_command_that_answers_a_new_id_carries_the_key_of_the_form_that_sent_it()
    {
        var creating = Requests.Where(t => Closed(t, typeof(ICommand<>)).Contains(typeof(CommandResult<Guid>))).ToList();

        var unguarded = creating
            .Where(t => !typeof(IIdempotentCommand).IsAssignableFrom(t) && t.GetProperty("IdempotencyKey")?.PropertyType != typeof(Guid))
            .Select(UseCaseName.Of)
            .Order(StringComparer.Ordinal)
            .ToList();

        creating.Count.ShouldBeGreaterThan(8, "the rule must see the commands it guards");
        unguarded.ShouldBeEmpty("a command that creates something answers its new id: make it an IIdempotentCommand and put "
            + "<idempotency-key asp-for=\"Data.IdempotencyKey\" /> in its form, so a double submit creates once (docs/decisions/0105)");
    }

    private static bool IsCommandResult(Type answer) =>
        answer == typeof(CommandResult) || (answer.IsGenericType && answer.GetGenericTypeDefinition() == typeof(CommandResult<>));

    /// <summary>The answers <paramref name="type"/> declares through the open generic request interface.</summary>
    private static IEnumerable<Type> Closed(Type type, Type openInterface) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)
            .Select(i => i.GetGenericArguments()[0]);
}
