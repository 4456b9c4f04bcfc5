using PosFirmware.Messaging.Host;
using PosFirmware.Security;

namespace PosFirmware.Payments.Rules
{
    /// <summary>
    /// The terminal's session with the host: the terminal master key and the working keys of the
    /// last good sign-on. Keys live only in RAM (a power cut means a new sign-on, as at every
    /// power-on); a response code 77, 99 or A0, or a sign-off, drops them (zeroed) so nothing MACed
    /// or PIN-encrypted leaves until the next sign-on (PAYMENTS.md section 6).
    /// </summary>
    public sealed class SessionKeys
    {
        private readonly DesKey _masterKey;
        private WorkingKeys _keys;

        public SessionKeys(DesKey terminalMasterKey)
        {
            _masterKey = terminalMasterKey;
        }

        public bool IsSignedOn
        {
            get { return _keys != null; }
        }

        /// <summary>The MAC key, or null when signed off.</summary>
        public DesKey MacKey
        {
            get { return _keys == null ? null : _keys.MacKey; }
        }

        /// <summary>The PIN key, or null when signed off.</summary>
        public DesKey PinKey
        {
            get { return _keys == null ? null : _keys.PinKey; }
        }

        /// <summary>
        /// Takes the keys of a sign-on answer (already read and matched by ResponseReader) and zeroes
        /// the answer's copy of field 62: the wrapped keys do not linger in RAM.
        /// </summary>
        public SignOnStatus Accept(HostProfile profile, HostResponse answer)
        {
            if (!answer.IsApproved)
            {
                return SignOnStatus.Refused;
            }

            byte[] f62 = answer.KeyData;
            if (f62 == null || f62.Length != WorkingKeys.Field62Length(profile.KeyFormat))
            {
                return SignOnStatus.NoKeys;
            }

            WorkingKeys keys;
            KeyLoadStatus s = WorkingKeys.Load(_masterKey, profile.KeyFormat, f62, 0, f62.Length, out keys);
            System.Array.Clear(f62, 0, f62.Length);
            if (s != KeyLoadStatus.Ok)
            {
                return s == KeyLoadStatus.BadLength ? SignOnStatus.NoKeys : SignOnStatus.KeyCheckFailed;
            }

            Drop();
            _keys = keys;
            return SignOnStatus.SignedOn;
        }

        /// <summary>
        /// Looks at any answer's code: 77 (sign-on required), 99 (PIN format error) and A0 (MAC
        /// error) drop the keys. True when they did.
        /// </summary>
        public bool Observe(HostResponse answer)
        {
            if (answer.RequiresSignOn && IsSignedOn)
            {
                Drop();
                return true;
            }

            return false;
        }

        /// <summary>Zeroes and forgets the working keys (sign-off, or a code that requires sign-on).</summary>
        public void Drop()
        {
            if (_keys != null)
            {
                _keys.Clear();
                _keys = null;
            }
        }
    }
}
