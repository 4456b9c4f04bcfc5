using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Reads a host answer (the message bytes of a frame, after TPDU and header) against the
    /// request it should answer: unpacks it, checks that it is the answer (response MTI of the
    /// request's, same STAN, same terminal, and for settlement, upload and batch end the same field 3 and
    /// 60: the batch and the management code), that it has a response code, and its MAC. An approval
    /// of a MACed request must carry a valid MAC; a decline that carries one must carry a valid one
    /// (hosts often leave declines unMACed). Never throws on host bytes.
    /// </summary>
    public sealed class ResponseReader
    {
        private readonly IsoMessage _message = new IsoMessage();

        /// <summary>The packager's status when Read returned Malformed.</summary>
        public IsoStatus UnpackStatus { get; private set; }

        /// <summary>The field that failed when Read returned Malformed.</summary>
        public int FailedField { get; private set; }

        /// <summary>The unpacked answer (valid until the next Read).</summary>
        public IsoMessage Message
        {
            get { return _message; }
        }

        /// <summary>The MTI that answers a request MTI: function digit + 1, origin 0 (0200 to 0210, 0401 to 0410).</summary>
        public static string AnswerMti(string requestMti)
        {
            if (requestMti == null || requestMti.Length != 4 || requestMti[2] < '0' || requestMti[2] > '8')
            {
                return null;
            }

            return requestMti.Substring(0, 2) + (char)(requestMti[2] + 1) + "0";
        }

        /// <summary>True when answerMti is AnswerMti(requestMti), compared without building a string.</summary>
        public static bool IsAnswerTo(string answerMti, string requestMti)
        {
            return answerMti != null && requestMti != null && answerMti.Length == 4 && requestMti.Length == 4
                && requestMti[2] >= '0' && requestMti[2] <= '8' && answerMti[0] == requestMti[0] && answerMti[1] == requestMti[1]
                && answerMti[2] == requestMti[2] + 1 && answerMti[3] == '0';
        }

        /// <summary>True for the reconciliation (05xx) and batch upload (03xx) MTIs, which carry no MAC.</summary>
        public static bool IsReconciliation(string mti)
        {
            return mti != null && mti.Length == 4 && mti[0] == '0' && (mti[1] == '5' || mti[1] == '3');
        }

        /// <summary>
        /// Reads input[offset .. offset+count) as the answer to request; fills response when the
        /// answer is well-formed and meant for this request (even when its MAC then fails, so the
        /// caller can log what came). mak is null when the terminal holds no MAC key.
        /// </summary>
        public ResponseStatus Read(HostProfile profile, DesKey mak, IsoMessage request, byte[] input, int offset, int count, HostResponse response)
        {
            UnpackStatus = IsoStatus.Ok;
            FailedField = 0;
            int failed;
            IsoStatus s = profile.Packager.Unpack(input, offset, count, _message, out failed);
            if (s != IsoStatus.Ok)
            {
                UnpackStatus = s;
                FailedField = failed;
                return ResponseStatus.Malformed;
            }

            if (!IsAnswerTo(_message.Mti, request.Mti))
            {
                return ResponseStatus.NotTheAnswer;
            }

            if (_message.GetString(11) != request.GetString(11))
            {
                return ResponseStatus.WrongStan;
            }

            // The answer names the terminal it answers (a host echoes 41; [LY] ProcRspPacket refuses an
            // answer without it), and an amount it echoes is the amount asked for: an answer to
            // another terminal's or another amount's request is not this one's, MAC or not.
            string sentTid = request.GetString(41);
            if (sentTid != null && _message.GetString(41) != sentTid)
            {
                return ResponseStatus.WrongTerminal;
            }

            string sentAmount = request.GetString(4);
            string echoedAmount = _message.GetString(4);
            if (sentAmount != null && echoedAmount != null && echoedAmount != sentAmount)
            {
                return ResponseStatus.NotTheAnswer;
            }

            if (IsReconciliation(request.Mti) && !EchoesBatch(request))
            {
                return ResponseStatus.WrongBatch;
            }

            response.Fill(profile, _message);
            if (response.ResponseCode == null)
            {
                return ResponseStatus.NoResponseCode;
            }

            bool requestMaced = profile.MacsMessage(request.Mti);
            if (_message.Has(64))
            {
                if (mak == null || !MessageMac.Verify(profile, mak, input, offset, count))
                {
                    return ResponseStatus.MacMismatch;
                }
            }
            else if (requestMaced && response.IsApproved)
            {
                return ResponseStatus.MacMissing;
            }

            return ResponseStatus.Ok;
        }

        // Settlement, upload and batch end carry no MAC: a bit flipped on the way (in the request the
        // host read, or in its answer) must not close a batch the terminal did not mean. The answer
        // echoes field 60 (UnionPay: 60.1 + batch + management code; international: the batch, or the
        // upload's original data) and field 3 (international 920000 / 960000) exactly as sent.
        private bool EchoesBatch(IsoMessage request)
        {
            string sent60 = request.GetString(60);
            string sent3 = request.GetString(3);
            return (sent60 == null || sent60 == _message.GetString(60)) && (sent3 == null || sent3 == _message.GetString(3));
        }
    }
}
