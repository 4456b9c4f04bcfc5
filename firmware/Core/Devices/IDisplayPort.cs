namespace PosFirmware.Devices
{
    /// <summary>The display: shows a screen (the screen layer lays it out).</summary>
    public interface IDisplayPort
    {
        void Show(Screen screen);

        /// <summary>The status icons (StatusFlags; Drivers/Display/StatusIcons draws them), redrawn only when they change.</summary>
        void ShowStatus(int statusFlags);
    }
}
