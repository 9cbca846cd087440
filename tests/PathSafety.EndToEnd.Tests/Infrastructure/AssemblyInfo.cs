// Each consumer build is a separate process in its own folder, so two can run side by side; more would only
// fight over the two cores CI has.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
