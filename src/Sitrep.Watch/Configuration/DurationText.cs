using System.Globalization;

namespace Sitrep.Watch.Configuration;

/// <summary>Durations as people write them in configuration files: "90s", "15m", "2h", "1d", or a number of seconds.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Length == 0) return false;
        var unit = char.ToLowerInvariant(text[^1]);
        var factor = unit switch { 's' => 1.0, 'm' => 60.0, 'h' => 3600.0, 'd' => 86400.0, _ => 0 };
        var number = factor == 0 ? text : text[..^1];
        if (factor == 0) factor = 1;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value)) return false;
        duration = TimeSpan.FromSeconds(value * factor);
        return true;
    }
}
