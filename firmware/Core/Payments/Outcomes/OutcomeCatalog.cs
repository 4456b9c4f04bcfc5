namespace PosFirmware.Payments.Outcomes
{
    /// <summary>
    /// Every outcome the terminal can show (PAYMENTS.md sections 1 and 6; issue 4 point 7): one
    /// entry per host response code of section 6, an entry for a code the table does not know, and
    /// every local failure, each with three screen lines (what happened, why, what next) and its slip
    /// lines. Texts are data, so a terminal maker changes wording here and nowhere else.
    /// </summary>
    public static class OutcomeCatalog
    {
        private static Outcome[] _all;

        /// <summary>
        /// Every entry, grouped as the table below is written: approvals, host answers by response
        /// code, then local failures by kind. Mostly ascending, but not in code order (HostMacError 160
        /// follows 199, the timeouts follow the waits); find an entry with Get, never by position.
        /// </summary>
        public static Outcome[] All
        {
            get
            {
                if (_all == null)
                {
                    _all = Build();
                }

                return _all;
            }
        }

        /// <summary>The entry with this stable number, or null.</summary>
        public static Outcome Get(int code)
        {
            Outcome[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Code == code)
                {
                    return all[i];
                }
            }

            return null;
        }

        /// <summary>The entry for a host response code (field 39); unknown codes get HostUnknownCode.</summary>
        public static Outcome ForResponseCode(string responseCode)
        {
            Outcome[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].ResponseCode != null && all[i].ResponseCode == responseCode)
                {
                    return all[i];
                }
            }

            return Get(OutcomeCodes.HostUnknownCode);
        }

        private static Outcome[] Build()
        {
            const OutcomeKind ok = OutcomeKind.Approved;
            const OutcomeKind no = OutcomeKind.Declined;
            const OutcomeKind end = OutcomeKind.Terminated;
            const OutcomeKind fault = OutcomeKind.Fault;
            const OutcomeKind rev = OutcomeKind.Reversing;
            const OutcomeKind manual = OutcomeKind.ManualHandling;
            // Screen lines, 16 columns each: what happened, why, what to do next (the fourth row is
            // the code). Host declines all say DECLINED / 交易失败 first, then the host's reason.
            const string declined = "DECLINED";
            const string failedZh = "交易失败";
            const string callIssuer = "Card holder: call issuer";
            const string callIssuerZh = "请持卡人联系发卡行";
            const string callAcquirer = "Call the acquirer";
            const string callAcquirerZh = "请联系收单行";
            const string retry = "Try the transaction again";
            const string retryZh = "请重新交易";
            const string later = "Try again in a few minutes";
            const string laterZh = "请稍后重试";
            const string signOn = "Terminal signs on again";
            const string signOnZh = "终端将重新签到";
            const string otherCard = "Ask for another card";
            const string otherCardZh = "请持卡人换卡";
            const string keepCard = "Keep the card, call acquirer";
            const string keepCardZh = "请留下卡片并联系收单行";
            // Until the host confirms a reversal nobody is told it happened: the money "will be" returned.
            // Money may have moved: the screen says it comes back by itself, and what the merchant does
            // now (the goods are not paid for).
            const string returned1 = "Money goes back";
            const string again = "Ask to pay again";
            const string againZh = "请重新收款";
            const string returnedZh = "款项将自动退回";
            const string returning = "Money will be auto-returned";
            const string returningZh = "款项将自动退回持卡人";
            return new Outcome[]
            {
                new Outcome(OutcomeCodes.Approved, ok, "00", "APPROVED", "", "Hand over slip", "交易成功", "", "签购单交持卡人", "APPROVED", "交易成功", "Hand over the slip", "请将签购单交持卡人"),
                new Outcome(OutcomeCodes.ApprovedOffline, ok, null, "APPROVED", "Offline", "Uploaded later", "交易成功", "脱机批准", "稍后自动上送", "APPROVED OFFLINE", "脱机交易成功", "Sent to the bank later", "稍后自动上送银行"),
                new Outcome(OutcomeCodes.Settled, ok, null, "Settled", "Totals agree", "Batch closed", "结算成功", "对账平", "批次已结束", "SETTLED: TOTALS AGREE", "结算成功 对账平", "Batch closed", "批次已结束"),
                new Outcome(OutcomeCodes.SettledAfterUpload, ok, null, "Settled", "Batch uploaded", "Batch closed", "结算完成", "对账不平 已上送", "批次已结束", "SETTLED AFTER BATCH UPLOAD", "对账不平 已上送明细", "Batch closed", "批次已结束"),
                new Outcome(OutcomeCodes.SignedOn, ok, null, "Signed on", "Keys loaded", "Ready to trade", "签到成功", "密钥已更新", "可以开始交易", "SIGNED ON", "签到成功", "Ready for transactions", "可以开始交易"),
                new Outcome(OutcomeCodes.SignedOff, ok, null, "Signed off", "", "Sign on to trade", "签退成功", "", "交易前请先签到", "SIGNED OFF", "签退成功", "Sign on before trading", "交易前请先签到"),
                new Outcome(OutcomeCodes.HostAnswered, ok, null, "Host answered", "Link is good", "Nothing to do", "联机测试成功", "主机应答正常", "无需操作", "ECHO TEST OK", "联机测试成功", "Nothing to do", "无需操作"),

                new Outcome(101, no, "01", declined, "Refer to issuer", "Call issuer", failedZh, "发卡行要求查询", "请联系发卡行", "DECLINED: REFER TO ISSUER (01)", "交易失败 请联系发卡行(01)", callIssuer, callIssuerZh),
                new Outcome(103, no, "03", declined, "Merchant unknown", "Call acquirer", failedZh, "商户未登记", "请联系收单行", "INVALID MERCHANT (03)", "商户未登记(03)", callAcquirer, callAcquirerZh),
                new Outcome(104, no, "04", "PICK UP CARD", "Issuer: keep it", "Call acquirer", "没收卡", "发卡行要求没收", "请联系收单行", "PICK UP CARD (04)", "没收卡 请联系收单行(04)", keepCard, keepCardZh),
                new Outcome(105, no, "05", declined, "Do not honour", "Call issuer", failedZh, "发卡行拒绝", "请联系发卡行", "DECLINED: DO NOT HONOUR (05)", "交易失败 请联系发卡行(05)", callIssuer, callIssuerZh),
                new Outcome(112, no, "12", declined, "Invalid txn", "Try again", failedZh, "无效交易", "请重试", "INVALID TRANSACTION (12)", "交易失败 请重试(12)", retry, retryZh),
                new Outcome(113, no, "13", declined, "Invalid amount", "Check amount", failedZh, "交易金额超限", "请核对金额重试", "INVALID AMOUNT (13)", "交易金额超限 请重试(13)", "Check the amount, retry", "请核对金额后重试"),
                new Outcome(114, no, "14", declined, "Bad card number", "Call issuer", failedZh, "无效卡号", "请联系发卡行", "INVALID CARD NUMBER (14)", "无效卡号 请联系发卡行(14)", callIssuer, callIssuerZh),
                new Outcome(115, no, "15", declined, "No such issuer", "Use other card", failedZh, "此卡不能受理", "请持卡人换卡", "NO SUCH ISSUER (15)", "此卡不能受理(15)", otherCard, otherCardZh),
                new Outcome(122, no, "22", declined, "Operation error", "Try again", failedZh, "操作有误", "请重试", "SUSPECTED MALFUNCTION (22)", "操作有误 请重试(22)", retry, retryZh),
                new Outcome(125, no, "25", declined, "Original unknown", "Call issuer", failedZh, "找不到原交易", "请联系发卡行", "ORIGINAL NOT FOUND (25)", "交易失败 请联系发卡行(25)", callIssuer, callIssuerZh),
                new Outcome(130, no, "30", declined, "Format error", "Try again", failedZh, "报文格式错误", "请重试", "FORMAT ERROR (30)", "交易失败 请重试(30)", retry, retryZh),
                new Outcome(133, no, "33", declined, "Expired card", "Use other card", failedZh, "过期卡", "请持卡人换卡", "EXPIRED CARD (33)", "过期卡 请联系发卡行(33)", otherCard, otherCardZh),
                new Outcome(134, no, "34", declined, "Suspected fraud", "Call acquirer", failedZh, "疑似欺诈", "请联系收单行", "SUSPECTED FRAUD (34)", "交易失败 请联系收单行(34)", callAcquirer, callAcquirerZh),
                new Outcome(140, no, "40", declined, "Not supported", "Call issuer", failedZh, "卡片不支持此交易", "请联系发卡行", "FUNCTION NOT SUPPORTED (40)", "交易失败 请联系发卡行(40)", callIssuer, callIssuerZh),
                new Outcome(141, no, "41", "PICK UP CARD", "Lost card", "Call acquirer", "没收卡", "挂失卡", "请联系收单行", "LOST CARD (41)", "没收卡 请联系收单行(41)", keepCard, keepCardZh),
                new Outcome(143, no, "43", "PICK UP CARD", "Stolen card", "Call acquirer", "没收卡", "被窃卡", "请联系收单行", "STOLEN CARD (43)", "没收卡 请联系收单行(43)", keepCard, keepCardZh),
                new Outcome(151, no, "51", declined, "Not enough funds", "Use other card", failedZh, "余额不足", "请查询余额或换卡", "INSUFFICIENT FUNDS (51)", "余额不足 请查询(51)", otherCard, "请持卡人换卡或查询余额"),
                new Outcome(154, no, "54", declined, "Expired card", "Use other card", failedZh, "过期卡", "请持卡人换卡", "EXPIRED CARD (54)", "过期卡 请联系发卡行(54)", otherCard, otherCardZh),
                new Outcome(155, no, "55", declined, "Wrong PIN", "Re-enter PIN", failedZh, "密码错", "请重新输入密码", "INCORRECT PIN (55)", "密码错 请重试(55)", "Card holder re-enters PIN", "请持卡人重新输入密码"),
                new Outcome(157, no, "57", declined, "Card not allowed", "Call issuer", failedZh, "卡片不允许此交易", "请联系发卡行", "NOT PERMITTED TO CARD (57)", "交易失败 请联系发卡行(57)", callIssuer, callIssuerZh),
                new Outcome(158, no, "58", declined, "Not on terminal", "Call acquirer", failedZh, "终端无效", "请联系收单行", "NOT PERMITTED TO TERMINAL (58)", "终端无效 请联系收单行(58)", callAcquirer, callAcquirerZh),
                new Outcome(159, no, "59", declined, "Suspected fraud", "Call acquirer", failedZh, "疑似欺诈", "请联系收单行", "SUSPECTED FRAUD (59)", "交易失败 请联系收单行(59)", callAcquirer, callAcquirerZh),
                new Outcome(161, no, "61", declined, "Amount too large", "Smaller amount", failedZh, "金额太大", "请减少金额重试", "EXCEEDS AMOUNT LIMIT (61)", "金额太大(61)", "Use a smaller amount", "请减少金额后重试"),
                new Outcome(162, no, "62", declined, "Restricted card", "Call issuer", failedZh, "受限制的卡", "请联系发卡行", "RESTRICTED CARD (62)", "交易失败 请联系发卡行(62)", callIssuer, callIssuerZh),
                new Outcome(165, no, "65", declined, "Too many uses", "Use other card", failedZh, "超出消费次数限制", "请持卡人换卡", "EXCEEDS FREQUENCY LIMIT (65)", "超出消费次数限制(65)", otherCard, otherCardZh),
                new Outcome(175, no, "75", declined, "PIN tries over", "Call issuer", failedZh, "密码错误次数超限", "请联系发卡行", "PIN TRIES EXCEEDED (75)", "密码错误次数超限(75)", callIssuer, callIssuerZh),
                new Outcome(177, no, "77", declined, "Sign-on needed", "Sign on again", failedZh, "请向网络中心签到", "终端将重新签到", "SIGN-ON REQUIRED (77)", "请向网络中心签到(77)", signOn, signOnZh),
                new Outcome(182, no, "82", declined, "Card check fail", "Tap card again", failedZh, "卡片校验失败", "请重新挥卡", "CARD AUTHENTICATION FAILED (82)", "卡片校验失败 请重试(82)", retry, retryZh),
                new Outcome(190, no, "90", declined, "Bank cut-off", "Try later", failedZh, "银行日切中", "请稍后重试", "CUT-OFF IN PROGRESS (90)", "交易失败 请稍后重试(90)", later, laterZh),
                new Outcome(191, no, "91", declined, "Issuer down", "Try later", failedZh, "发卡行不可用", "请稍后重试", "ISSUER UNAVAILABLE (91)", "交易失败 请稍后重试(91)", later, laterZh),
                new Outcome(192, no, "92", declined, "Cannot route", "Try later", failedZh, "交易无法送达", "请稍后重试", "CANNOT ROUTE (92)", "交易失败 请稍后重试(92)", later, laterZh),
                new Outcome(194, no, "94", declined, "Duplicate txn", "Try later", failedZh, "重复交易", "请稍后重试", "DUPLICATE TRANSACTION (94)", "重复交易 请稍后重试(94)", later, laterZh),
                new Outcome(196, no, "96", declined, "System error", "Try later", failedZh, "系统异常", "请稍后重试", "SYSTEM MALFUNCTION (96)", "系统异常 请稍后重试(96)", later, laterZh),
                new Outcome(197, no, "97", declined, "Terminal unknown", "Call acquirer", failedZh, "终端未登记", "请联系收单行", "TERMINAL NOT REGISTERED (97)", "终端未登记 请联系收单行(97)", callAcquirer, callAcquirerZh),
                new Outcome(198, no, "98", declined, "No issuer reply", "Try again", failedZh, "收不到发卡行应答", "请重试", "NO ISSUER RESPONSE (98)", "银联收不到发卡行应答(98)", retry, retryZh),
                new Outcome(199, no, "99", declined, "PIN format error", "Sign on again", failedZh, "PIN格式错误", "请重新签到", "PIN FORMAT ERROR (99)", "PIN格式错误 请重新签到(99)", signOn, signOnZh),
                new Outcome(OutcomeCodes.HostMacError, no, "A0", declined, "MAC error", "Sign on again", failedZh, "校验错", "请重新签到", "MAC ERROR AT HOST (A0)", "校验错 请重新签到(A0)", signOn, signOnZh),
                new Outcome(OutcomeCodes.HostUnknownCode, no, null, declined, "Unknown reason", "Call acquirer", failedZh, "主机拒绝", "请联系收单行", "DECLINED BY HOST", "交易失败 主机拒绝", callAcquirer, callAcquirerZh),

                new Outcome(OutcomeCodes.Cancelled, end, null, "Cancelled", "By operator", "Redo if needed", "交易取消", "操作员取消", "如需要请重新交易", "CANCELLED", "交易取消", "Start again if needed", "如需要请重新交易"),
                new Outcome(OutcomeCodes.TimeoutAmountEntry, end, null, "Timed out", "No amount", "Try again", "交易超时", "未输入金额", "请重新交易", "TIMEOUT: NO AMOUNT", "交易超时 未输入金额", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutCard, end, null, "Timed out", "No card", "Try again", "交易超时", "未检测到卡片", "请重新交易", "TIMEOUT: NO CARD", "交易超时 未检测到卡片", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutPin, end, null, "Timed out", "No PIN", "Try again", "交易超时", "未输入密码", "请重新交易", "TIMEOUT: NO PIN", "交易超时 未输入密码", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutMenu, end, null, "Timed out", "No key pressed", "Try again", "交易超时", "未按键", "请重新操作", "TIMEOUT", "交易超时", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutHost, rev, null, "FAILED: no reply", returned1, again, "失败:主机无应答", returnedZh, againZh, "HOST DID NOT ANSWER: FAILED", "主机无应答 交易失败", returning, returningZh),
                new Outcome(OutcomeCodes.NoNetwork, fault, null, "No network", "Wi-Fi is down", "Check Wi-Fi", "网络未连接", "WiFi断开", "请检查WiFi后重试", "NO NETWORK", "网络未连接", "Check Wi-Fi, then retry", "请检查WiFi后重试"),
                new Outcome(OutcomeCodes.HostUnreachable, fault, null, "Host unreachable", "No connection", "Try later", "无法连接主机", "连接失败", "请稍后重试", "HOST UNREACHABLE", "无法连接主机", later, laterZh),
                new Outcome(OutcomeCodes.MacError, rev, null, "FAILED: bad MAC", returned1, again, "失败:应答校验错", returnedZh, againZh, "REPLY MAC ERROR: FAILED", "应答校验错 交易失败", returning, returningZh),
                new Outcome(OutcomeCodes.CardReadError, end, null, "Card read error", "Card data bad", "Tap/swipe again", "读卡失败", "卡片数据无效", "请重新挥卡或刷卡", "CARD READ ERROR", "读卡失败", "Tap or swipe again", "请重新挥卡或刷卡"),
                new Outcome(OutcomeCodes.CardRemoved, end, null, "Card removed", "Too early", "Tap again", "卡片已移开", "移开过早", "请重新挥卡", "CARD REMOVED TOO EARLY", "卡片过早移开", "Hold the card until beep", "挥卡后请保持至提示音"),
                new Outcome(OutcomeCodes.PrinterOutOfPaper, fault, null, "Out of paper", "Paper roll empty", "Load paper", "打印机缺纸", "纸卷用完", "装纸后请重打印", "PRINTER OUT OF PAPER", "打印机缺纸", "Load paper, then reprint", "装纸后请重打印"),
                new Outcome(OutcomeCodes.PrinterJammed, fault, null, "Printer jammed", "Paper stuck", "Clear, reprint", "打印机卡纸", "纸张卡住", "清除卡纸后重打", "PRINTER JAMMED", "打印机卡纸", "Clear the paper, reprint", "清除卡纸后请重打印"),
                new Outcome(OutcomeCodes.ReaderNotAnswering, fault, null, "Reader fault", "Not answering", "Restart terminal", "读卡器故障", "读卡器无响应", "请重启终端", "CARD READER NOT ANSWERING", "读卡器无响应", "Restart; run self-test", "请重启终端并自检"),
                new Outcome(OutcomeCodes.OfflineLimit, no, null, declined, "Offline limit", "Retry online", failedZh, "超出脱机限额", "请联网后重试", "OFFLINE LIMIT REACHED", "超出脱机限额", "Retry when online", "请联网后重试"),
                new Outcome(OutcomeCodes.SignOnRequired, no, null, "Not signed on", "Sign-on failed", "Sign on, retry", "终端未签到", "签到失败", "请签到后重试", "TERMINAL NOT SIGNED ON", "终端未签到", "Sign on, then retry", "请签到后重试"),
                new Outcome(OutcomeCodes.ReversalPending, rev, null, "Reversal pending", "Txn not sent", "Try again later", "上笔冲正未完成", "本笔交易未发送", "请稍后重试", "REVERSAL PENDING", "冲正处理中", later, laterZh),
                new Outcome(OutcomeCodes.ReversalFailed, manual, null, "Reversal failed", "Retries used up", "Call acquirer", "冲正不成功", "多次重试失败", "请人工处理", "REVERSAL FAILED: MANUAL HANDLING", "冲正不成功，请人工处理", "Call acquirer with the slip", "请持凭条联系收单行处理"),
                new Outcome(OutcomeCodes.PinTriesExceeded, no, null, declined, "PIN wrong 3x", "Use other card", failedZh, "密码错误三次", "请持卡人换卡", "WRONG PIN THREE TIMES", "密码错误三次", otherCard, otherCardZh),
                new Outcome(OutcomeCodes.CardNotSupported, no, null, declined, "Card unsupported", "Use other card", failedZh, "此卡不能受理", "请持卡人换卡", "CARD NOT SUPPORTED", "此卡不能受理", otherCard, otherCardZh),
                new Outcome(OutcomeCodes.InvalidAmount, no, null, "Invalid amount", "Not accepted", "Re-enter amount", "金额无效", "金额超出范围", "请重新输入金额", "INVALID AMOUNT", "金额无效", "Enter the amount again", "请重新输入金额"),
                new Outcome(OutcomeCodes.OriginalNotInBatch, no, null, "Not in batch", "Trace/card wrong", "Check the slip", "原交易不存在", "凭证号或卡不符", "请核对签购单", "ORIGINAL NOT IN BATCH", "原交易不存在", "Check the slip's trace no.", "请核对签购单凭证号"),
                new Outcome(OutcomeCodes.AlreadyVoided, no, null, "Already voided", "Voided earlier", "Nothing to do", "原交易已撤销", "此前已撤销", "无需操作", "ALREADY VOIDED", "原交易已撤销", "Nothing to do", "无需操作"),
                new Outcome(OutcomeCodes.BatchFull, no, null, "Batch full", "Batch limit", "Settle first", "交易笔数已满", "已达批次上限", "请先结算", "BATCH FULL", "交易笔数已满", "Settle, then retry", "请结算后重试"),
                new Outcome(OutcomeCodes.HostAnswerInvalid, rev, null, "FAILED: bad data", returned1, again, "失败:主机应答错", returnedZh, againZh, "HOST REPLY INVALID: FAILED", "主机应答错误 交易失败", returning, returningZh),
                new Outcome(OutcomeCodes.SaveFailed, rev, null, "FAILED: no save", returned1, again, "失败:保存失败", returnedZh, againZh, "COULD NOT SAVE: FAILED", "保存失败 交易失败", returning, returningZh),
                new Outcome(OutcomeCodes.SettlementFailed, fault, null, "Not settled", "Batch still open", "Settle again", "结算失败", "批次未结束", "请稍后重新结算", "SETTLEMENT FAILED", "结算失败", "Settle again later", "请稍后重新结算"),
                new Outcome(OutcomeCodes.NoTransaction, no, null, "No transaction", "Nothing on file", "Nothing to print", "无交易记录", "未找到记录", "无可打印记录", "NO TRANSACTION", "无交易记录", "Nothing to print", "无可打印记录"),
                new Outcome(OutcomeCodes.AdviceFailed, fault, null, "Advice not sent", "Retries used up", "Call acquirer", "通知上送失败", "多次重试失败", "请联系收单行", "OFFLINE ADVICE NOT SENT", "脱机通知上送失败", callAcquirer, callAcquirerZh),
                new Outcome(OutcomeCodes.StorageError, fault, null, "Storage error", "Nothing sent", "Restart terminal", "存储错误", "交易未发送", "请重启终端", "STORAGE ERROR: NOT SENT", "存储错误 交易未发送", "Restart; call support", "请重启终端并联系维护"),
                new Outcome(OutcomeCodes.NoValidReply, fault, null, "Result unknown", "No valid reply", "Check with bank", "交易结果未知", "无有效应答", "请联系收单行查询", "NO VALID REPLY: CHECK STATUS", "无有效应答 交易结果未知", "Check with the acquirer", "请联系收单行查询"),
                new Outcome(OutcomeCodes.SwipeReversed, end, null, "Swipe failed", "Wrong direction", "Swipe other way", "刷卡失败", "刷卡方向错误", "请反方向重刷", "CARD SWIPED BACKWARDS", "刷卡方向错误", "Swipe the other way", "请反方向重新刷卡"),
                new Outcome(OutcomeCodes.PrinterCoverOpen, fault, null, "Printer open", "Cover not shut", "Close, reprint", "打印机盖未合", "机盖打开", "合上机盖后重打", "PRINTER COVER OPEN", "打印机盖未合", "Close the cover, reprint", "合上机盖后请重打印"),
                new Outcome(OutcomeCodes.PrinterNotAnswering, fault, null, "Printer fault", "Not answering", "Check the cable", "打印机故障", "打印机无响应", "请检查电源连线", "PRINTER NOT ANSWERING", "打印机无响应", "Check power and cable", "请检查打印机电源和连线"),
                new Outcome(OutcomeCodes.ReversalConfirmed, OutcomeKind.Reversed, null, "REVERSED", "Host confirmed", "Money returned", "已冲正", "主机已确认", "款项已退回", "REVERSAL CONFIRMED BY HOST", "冲正成功 主机已确认", "Give this slip to card holder", "请将此凭条交持卡人"),
                new Outcome(OutcomeCodes.RefundPending, fault, null, "Refund pending", "Do not repeat", "Terminal resends", "退货处理中", "请勿重复退货", "终端将自动重发", "REFUND PENDING: DO NOT REPEAT", "退货处理中 请勿重复退货", "Terminal resends it itself", "终端将自动重发 请勿重复"),
                new Outcome(OutcomeCodes.RefundUnknown, fault, null, "Refund unknown", "Call acquirer", "Do not redo it", "退货结果未知", "请联系收单行", "请勿重复退货", "REFUND RESULT UNKNOWN: MANUAL", "退货结果未知 请人工处理", "Ask acquirer before redoing", "请先联系收单行 勿重复退货"),
            };
        }
    }
}
