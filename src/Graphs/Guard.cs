namespace Scheduler.Graphs;

/// <summary>Argument checks for public entry points, each with a message that names the bad value.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string paramName) where T : class
        => value ?? throw new ArgumentNullException(paramName);

    public static void InRange(int value, int count, string paramName, string what)
    {
        if ((uint)value >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} {value} is out of range: there are {count}.");
        }
    }

    public static void NonNegative(long value, string paramName, string what)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be non-negative, got {value}.");
        }
    }

    public static void That(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }
}
