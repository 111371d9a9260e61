// Torch's RNG (manual_seed) and the trainer's no-GC region are process-wide: run these tests one at a time so a seeded
// network is really built from its seed. The whole project still finishes in a few seconds.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
