using Microsoft.Playwright;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download). Each page
/// records console errors and dialogs, which the tests require to stay empty.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's Chromium (apt-get install -y chromium; .ci/run does).");
        }
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sitrep.slnx"))) directory = directory.Parent;
        var folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

/// <summary>A page with its problems: console errors (a blocked script would show here) and dialogs (script that ran).</summary>
public sealed class WatchedPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> Problems { get; } = [];

    public static async Task<WatchedPage> OpenAsync(IBrowser browser, int width = 1360, int height = 900, bool touch = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, HasTouch = touch });
        var watched = new WatchedPage(await context.NewPageAsync());
        watched.Page.Console += (_, message) =>
        {
            if (message.Type == "error") watched.Problems.Add($"console: {message.Text}");
        };
        watched.Page.PageError += (_, error) => watched.Problems.Add($"page error: {error}");
        watched.Page.Dialog += async (_, dialog) =>
        {
            watched.Problems.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return watched;
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
