using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.Rules
{
    /// <summary>
    /// What a reversible request's answer means for the money (PAYMENTS.md section 4): an answer
    /// that cannot be trusted (bad MAC, garbled, missing code) means the host may have applied it,
    /// so it is reversed; an answer to something else is ignored while the deadline still runs.
    /// </summary>
    public static class AnswerRules
    {
        /// <summary>The verdict for a ResponseReader status and the response it filled; reason is set for Reverse.</summary>
        public static AnswerVerdict Judge(ResponseStatus status, HostResponse response, out string reason)
        {
            reason = null;
            switch (status)
            {
                case ResponseStatus.Ok:
                    if (response.IsApproved)
                    {
                        return AnswerVerdict.Approved;
                    }

                    return response.ResponseCode == ResponseCodes.WrongPin ? AnswerVerdict.WrongPin : AnswerVerdict.Declined;

                case ResponseStatus.NotTheAnswer:
                case ResponseStatus.WrongStan:
                case ResponseStatus.WrongTerminal:
                    return AnswerVerdict.Ignore;

                case ResponseStatus.MacMismatch:
                case ResponseStatus.MacMissing:
                    reason = ReversalReason.MacFailed;
                    return AnswerVerdict.Reverse;

                default:
                    // Malformed or without a response code: the host may still have applied it.
                    reason = ReversalReason.NoResponse;
                    return AnswerVerdict.Reverse;
            }
        }
    }
}
