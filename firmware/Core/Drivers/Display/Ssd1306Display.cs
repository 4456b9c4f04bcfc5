using PosFirmware.Devices;
using PosFirmware.Hal;

namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// The terminal's display: IDisplayPort on an SSD1306. Paints the screen and the status icons
    /// into one frame and sends what changed. A bus error is kept (LastStatus) and the next call
    /// starts again from the init sequence; the terminal goes on working without a screen.
    /// </summary>
    public sealed class Ssd1306Display : IDisplayPort
    {
        private readonly Ssd1306 _panel;
        private readonly PageCanvas _frame = new PageCanvas(Ssd1306.Width, Ssd1306.Height);
        private Screen _screen;
        private int _status;

        public Ssd1306Display(IRegisterBus bus, DisplayLanguage language)
        {
            _panel = new Ssd1306(bus);
            Language = language;
        }

        public DisplayLanguage Language { get; set; }

        public Ssd1306 Panel
        {
            get { return _panel; }
        }

        public PageCanvas Frame
        {
            get { return _frame; }
        }

        public BusStatus LastStatus { get; private set; }

        /// <summary>Bus errors since power-on.</summary>
        public int Errors { get; private set; }

        public void Show(Screen screen)
        {
            _screen = screen;
            Redraw();
        }

        public void ShowStatus(int statusFlags)
        {
            if (statusFlags == _status)
            {
                return;
            }

            _status = statusFlags;
            if (_screen != null)
            {
                Redraw();
            }
        }

        private void Redraw()
        {
            ScreenPainter.Paint(_screen, Language, _status, _frame);
            LastStatus = _panel.Update(_frame);
            if (LastStatus != BusStatus.Ok)
            {
                Errors++;
            }
        }
    }
}
