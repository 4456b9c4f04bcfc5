using PosFirmware.App.Engine;

namespace PosFirmware.App.Ports
{
    /// <summary>The display: shows a screen (the screen layer lays it out).</summary>
    public interface IDisplayPort
    {
        void Show(Screen screen);

        /// <summary>The status icons (flags of Drivers.Display.StatusIcons), redrawn only when they change.</summary>
        void ShowStatus(int statusFlags);
    }
}
