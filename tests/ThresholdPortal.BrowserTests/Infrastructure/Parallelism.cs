// Each test class is its own collection with its own app and Chromium; two run at once on this 2-core
// machine. xunit's default (conservative) algorithm starts no more tests than that, async or not.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
