using PosFirmware.App.Engine;

namespace PosFirmware.App.Ports
{
    public interface IBuzzerPort
    {
        void Beep(Tone tone);
    }
}
