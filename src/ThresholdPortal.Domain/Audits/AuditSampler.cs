namespace ThresholdPortal.Domain.Audits;

/// <summary>
/// Draws an audit's sample: a seeded partial Fisher-Yates shuffle over the population in a fixed order
/// (cases ordered by id), driven by SplitMix64. Everything is specified here, never by the .NET runtime's
/// <see cref="Random"/>, so the same population and seed give the same sample on any machine and any
/// version, and an auditor can reproduce an earlier sample from its recorded seed (docs/decisions/0075).
/// </summary>
public static class AuditSampler
{
    /// <summary>The largest seed an auditor can give: twelve digits, easy to write down.</summary>
    public const long MaxSeed = 999_999_999_999;

    /// <summary>
    /// The first <paramref name="count"/> items of a seeded shuffle of <paramref name="population"/>, in
    /// the order drawn: never more than the population holds, never an item twice.
    /// </summary>
    public static IReadOnlyList<T> Draw<T>(IReadOnlyList<T> population, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var items = population.ToArray();
        var take = Math.Min(count, items.Length);
        var random = new SplitMix64(seed);
        for (var i = 0; i < take; i++)
        {
            var j = i + (int)random.NextBelow((ulong)(items.Length - i));
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items[..take];
    }

    /// <summary>
    /// The seed for one stratum: the audit's seed mixed with the stratum, so each stratum draws
    /// independently and adding a stratum to an audit never changes another's sample.
    /// </summary>
    public static ulong StratumSeed(long auditSeed, AuditStratum stratum) =>
        new SplitMix64(unchecked((ulong)auditSeed ^ ((ulong)(stratum + 1) * 0x9E3779B97F4A7C15UL))).Next();

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a tiny, well-mixed 64-bit generator.</summary>
    internal struct SplitMix64(ulong seed)
    {
        private ulong state = seed;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A uniform value in [0, bound), by rejection so no value is favoured.</summary>
        public ulong NextBelow(ulong bound)
        {
            var threshold = (0UL - bound) % bound;
            while (true)
            {
                var r = Next();
                if (r >= threshold)
                {
                    return r % bound;
                }
            }
        }
    }
}
