// Each test class is its own collection with its own app and databases. Four run at once: with two, the lane left the
// processor idle while tests waited on PostgreSQL and HTTP, and took 20 minutes for 35 minutes of tests (docs/decisions/0135).
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 4)]
