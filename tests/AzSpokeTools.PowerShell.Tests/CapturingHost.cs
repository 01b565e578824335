using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>A PowerShell host whose console is a string: what Out-Host (and so the format views) would print.</summary>
public sealed class CapturingHost : PSHost
{
    private readonly CapturingUserInterface _ui = new();

    public string Text => _ui.Text.ToString();
    public void Clear() => _ui.Text.Clear();
    /// <summary>Answers -Confirm prompts (the choice index for a question) and records them; null makes a prompt fail.</summary>
    public Func<string, System.Collections.ObjectModel.Collection<ChoiceDescription>, int>? Answer { get => _ui.Answer; set => _ui.Answer = value; }
    public List<string> Questions => _ui.Questions;

    public override string Name => "AzSpokeTools.Tests";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.GetCultureInfo("en-US");
    public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class CapturingUserInterface : PSHostUserInterface
    {
        public StringBuilder Text { get; } = new();
        public override PSHostRawUserInterface RawUI { get; } = new WideRawUserInterface();
        public override void Write(string value) => Text.Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(value);
        public override void WriteLine(string value) => Text.AppendLine(value);
        public override void WriteErrorLine(string value) => Text.AppendLine("ERROR: " + value);
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) => Text.AppendLine("WARNING: " + message);
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        /// <summary>Answers -Confirm questions when set (returns the index of the choice), recording each question; unset, prompting fails.</summary>
        public Func<string, System.Collections.ObjectModel.Collection<ChoiceDescription>, int>? Answer { get; set; }
        public List<string> Questions { get; } = new();

        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
        {
            if (Answer == null) throw new NotSupportedException();
            Questions.Add(message);
            return Answer(message, choices);
        }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
    }

    private sealed class WideRawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;
        public override Size BufferSize { get; set; } = new(240, 1000);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override Size MaxPhysicalWindowSize => new(240, 1000);
        public override Size MaxWindowSize => new(240, 1000);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new(240, 1000);
        public override string WindowTitle { get; set; } = "";
        public override bool KeyAvailable => false;
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
