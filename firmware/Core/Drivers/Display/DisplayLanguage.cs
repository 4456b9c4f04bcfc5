namespace PosFirmware.Drivers.Display
{
    /// <summary>Which of a screen's two texts the display shows (menus are bilingual either way).</summary>
    public enum DisplayLanguage
    {
        English = 0,
        Chinese = 1,
    }
}
